/** Status codes Graph uses for "slow down" (throttling) and transient unavailability. */
export const RETRY_STATUSES: readonly number[] = [429, 503, 504];

export interface RetryPolicy {
  /** Retries after the first attempt (default 3). */
  readonly maxRetries: number;
  /** Base delay in seconds when the answer has no Retry-After (default 1): 1, 2, 4, … */
  readonly baseDelaySeconds: number;
  /**
   * The longest wait (default 10 s). A Retry-After asking for more is not waited for at all: the
   * answer goes to the caller at once (the error screen says Microsoft 365 is busy).
   */
  readonly maxDelaySeconds: number;
  /** Milliseconds left of the screen's budget; a wait that would outlast it is not started. */
  readonly remainingMs: () => number;
  /** Waits; injectable so tests can record the waits instead of spending them. */
  readonly sleep: (seconds: number) => Promise<void>;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 3,
  baseDelaySeconds: 1,
  maxDelaySeconds: 10,
  remainingMs: () => Number.POSITIVE_INFINITY,
  sleep: (seconds) => new Promise((resolve) => setTimeout(resolve, seconds * 1000)),
};

/**
 * The wait before the next attempt: Retry-After (seconds or an HTTP date) when the answer has
 * one, else exponential backoff; never more than `maxDelaySeconds`, never negative.
 * @example retryDelay("2", 1, policy) → 2
 * @example retryDelay(null, 3, { baseDelaySeconds: 1, … }) → 4
 */
export const retryDelay = (retryAfter: string | null, attempt: number, policy: Pick<RetryPolicy, "baseDelaySeconds" | "maxDelaySeconds">, nowMs = Date.now()): number => {
  let seconds: number | null = null;
  if (retryAfter !== null && retryAfter.trim() !== "") {
    const asNumber = Number(retryAfter);
    if (Number.isFinite(asNumber)) seconds = asNumber;
    else {
      const at = Date.parse(retryAfter);
      if (Number.isFinite(at)) seconds = (at - nowMs) / 1000;
    }
  }
  if (seconds === null) seconds = policy.baseDelaySeconds * 2 ** (attempt - 1);
  return Math.min(policy.maxDelaySeconds, Math.max(0, seconds));
};

/**
 * Whether to wait and retry a throttled (429) or unavailable (503, 504) answer, and how long:
 * only when Retry-After asked for no more than the cap and the wait ends inside the screen's
 * budget; null means "give the answer to the caller now" (a still-throttled request ends as an
 * error screen, never as an empty week). Retrying a POST is safe: bookings carry a transactionId.
 * @example plannedWait("999999", 1, policy) → null (give up now)
 */
export const plannedWait = (retryAfter: string | null, attempt: number, policy: Pick<RetryPolicy, "baseDelaySeconds" | "maxDelaySeconds" | "remainingMs">, nowMs = Date.now()): number | null => {
  const uncapped = retryDelay(retryAfter, attempt, { baseDelaySeconds: policy.baseDelaySeconds, maxDelaySeconds: Number.POSITIVE_INFINITY }, nowMs);
  if (uncapped > policy.maxDelaySeconds) return null;
  if (uncapped * 1000 >= policy.remainingMs()) return null;
  return uncapped;
};
