// The timeline's view of the run's world and claims: owns the "world at this step" panel beside
// the list, the lifelines the rows draw, and the claims by step the rows and the detail read.
// The app tells it the run and the selection; rows and the detail ask it (RowWorld).
import type { Claim } from '../src/core/model';
import type { RunSummary } from '../src/protocol/lsp';
import { claimsByStep } from './claims-badge';
import { highlightLane, sizeGutter } from './lifelines';
import { WorldPanel } from './world-panel';
import { lifelines, type Lifelines } from './world';
import { el } from './text';

/** What a row and the detail read from the world view. */
export interface RowWorld {
  readonly lanes: Lifelines | null;
  claims(index: number): Claim[] | undefined;
}

export class WorldView implements RowWorld {
  readonly panel: WorldPanel;
  lanes: Lifelines | null = null;
  private byStep = new Map<number, Claim[]>();
  private readonly list: HTMLElement;

  /** Moves the list into a row beside the panel (the list keeps its own element and events). */
  constructor(
    root: HTMLElement,
    list: HTMLElement,
    jump: (index: number) => void,
    panel: { hidden: boolean; toggled(hidden: boolean): void } = { hidden: false, toggled: () => {} },
  ) {
    this.panel = new WorldPanel({ jumpToIndex: jump, hoverLane: (key) => highlightLane(list, key), toggled: panel.toggled }, panel.hidden);
    const main = el('div', 'main-row');
    root.insertBefore(main, list);
    main.appendChild(list);
    main.appendChild(this.panel.root);
    this.list = list;
  }

  setRun(run: RunSummary | null, selected: number | null): void {
    this.lanes = run ? lifelines(run.world, run.stepCount) : null;
    this.byStep = claimsByStep(run?.claims);
    sizeGutter(this.list, this.lanes ?? { lanes: [], columns: 0, hidden: 0, at: () => [] });
    this.panel.setRun(run?.world, run?.stepCount ?? 0);
    this.panel.select(selected);
  }

  select(index: number | null): void {
    this.panel.select(index);
  }

  claims(index: number): Claim[] | undefined {
    return this.byStep.get(index);
  }
}
