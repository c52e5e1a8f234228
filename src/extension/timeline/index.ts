// The timeline's entry for extension.ts: `registerTimeline(context, lens)`.
export { registerTimeline, openTimeline } from './register';
