// The annotation store and agreement statistics (pure: no VS Code, no fs).
export * from './types';
export { parseStore, serializeEvent, createEvent, updateEvent, deleteEvent, reviewEvent, newId, isVerdict } from './records';
export type { EventContext } from './records';
export { foldEvents, liveAnnotations, compactEvents, compactStoreText, uniqueEvents, compareEvents } from './fold';
export type { FoldResult } from './fold';
export { stepFingerprint, anchorFor, resolveAnnotations, AnchorResolver } from './anchor';
export type { StepLike, RunLike } from './anchor';
export { defaultLabelSet, taxonomyLabels, parseLabelsFile, formatLabelIssue, DEFAULT_CUSTOM_LABELS } from './labels';
export type { LabelDef, LabelSet, LabelIssue, LabelKind } from './labels';
export { cohenKappa, cohenFromRatings, fleissKappa } from './kappa';
export type { KappaResult } from './kappa';
export { computeAgreement, judgeFindings, ratingTokens } from './agreement';
export type { AgreementUnit, AgreementReport, LabelAgreement, PrecisionRecall, Disagreement, FindingStep } from './agreement';
export { exportRows, toJsonl, toCsv, csvField, CSV_COLUMNS } from './export';
export type { ExportRow, ExportUnit, ExportStep, ExportFilter, ExportedAnnotation } from './export';
