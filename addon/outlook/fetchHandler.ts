import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import { createRequestBudget, GraphTimeoutError, type RequestBudget } from "./requestBudget";

/** The `fetch` the Graph client sends with (the browser's, or one with a test CA in Node). */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/**
 * The last middleware of the chain: sends the request with an injected `fetch`, aborted when it
 * outlives its time limit (the request timeout, or what is left of the screen's budget); the
 * answer's body is read within the same limit. (The library's HTTPMessageHandler always uses
 * the global `fetch` and never gives up.)
 */
export class FetchHandler implements Middleware {
  constructor(
    private readonly send: FetchLike,
    private readonly budget: RequestBudget = createRequestBudget(),
  ) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === "string" ? context.request : context.request.url;
    const limit = this.budget.requestLimitMs();
    if (limit <= 0) throw new GraphTimeoutError(0);
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        // Settle as a timeout first: aborting rejects the fetch too, and the race keeps the first.
        reject(new GraphTimeoutError(limit));
        controller.abort();
      }, limit);
    });
    try {
      const response = await Promise.race([this.send(url, { ...((context.options ?? {}) as RequestInit), signal: controller.signal }), expired]);
      // Read the body inside the limit too (a stalled body is a stalled answer), then hand on a copy.
      const body = await Promise.race([response.arrayBuffer(), expired]);
      context.response = new Response(response.status === 204 || response.status === 304 ? null : body, { status: response.status, statusText: response.statusText, headers: response.headers });
    } finally {
      clearTimeout(timer);
    }
  }
}
