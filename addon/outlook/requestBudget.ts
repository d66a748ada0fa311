/**
 * Time limits for Graph: each request gets at most `requestMs`, and every request of one screen
 * (reading a week, booking a block) shares `screenMs` in total, so a Graph that never answers, or
 * asks for a long wait, ends on the error screen (with "Try again") instead of loading forever.
 */
export const REQUEST_TIMEOUT_MS = 10_000;
export const SCREEN_BUDGET_MS = 20_000;

export interface RequestBudget {
  /** A new screen starts: its requests share a fresh budget (requests already sent keep theirs). */
  begin(): void;
  /** Milliseconds left for the current screen (never negative). */
  remainingMs(): number;
  /** The limit of a request sent now: the per-request timeout or what is left, whichever is less. */
  requestLimitMs(): number;
}

export interface BudgetOptions {
  readonly requestMs?: number;
  readonly screenMs?: number;
  /** A monotonic clock in milliseconds (default: performance.now; tests may pass their own). */
  readonly now?: () => number;
}

const monotonic = (): number => (typeof performance !== "undefined" && typeof performance.now === "function" ? performance.now() : Date.now());

/** A budget; until `begin()` is called the first screen's budget runs from creation. */
export const createRequestBudget = ({ requestMs = REQUEST_TIMEOUT_MS, screenMs = SCREEN_BUDGET_MS, now = monotonic }: BudgetOptions = {}): RequestBudget => {
  let deadline = now() + screenMs;
  const remainingMs = () => Math.max(0, deadline - now());
  return {
    begin: () => void (deadline = now() + screenMs),
    remainingMs,
    requestLimitMs: () => Math.min(requestMs, remainingMs()),
  };
};

/** What a request that ran out of time throws (the Graph client passes it on with this name as its code). */
export class GraphTimeoutError extends Error {
  constructor(readonly limitMs: number) {
    super(`Microsoft 365 did not answer within ${Math.round(limitMs / 100) / 10} s`);
    this.name = "GraphTimeoutError";
  }
}
