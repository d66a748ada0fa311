import { AuthenticationHandler, Client } from "@microsoft/microsoft-graph-client";
import type { TokenProvider } from "./tokenProvider";
import { DEFAULT_RETRY_POLICY, ThrottleRetryHandler, type RetryPolicy } from "./throttleRetryHandler";
import { FetchHandler, type FetchLike } from "./fetchHandler";
import { createRequestBudget, type RequestBudget } from "./requestBudget";

/** Microsoft Graph in production. */
export const GRAPH_BASE_URL = "https://graph.microsoft.com";
export const GRAPH_VERSION = "v1.0";

export interface GraphClientOptions {
  readonly tokens: TokenProvider;
  /** Scheme and host (and port) of Graph, without the version: "https://graph.microsoft.com". */
  readonly baseUrl?: string;
  readonly fetch?: FetchLike;
  readonly retry?: Partial<RetryPolicy>;
  /** Time limits per request and per screen (the task pane calls `begin()` for each screen). */
  readonly budget?: RequestBudget;
}

/**
 * A Graph client whose chain is: bearer token (only to Graph's own host) → throttling retry →
 * fetch with a time limit. The base URL is configurable so tests and the preview can point it at a local fake.
 * @example createGraphClient({ tokens }).api("/me/mailboxSettings").get()
 */
export const createGraphClient = (options: GraphClientOptions): Client => {
  const baseUrl = (options.baseUrl ?? GRAPH_BASE_URL).replace(/\/+$/, "");
  const host = new URL(baseUrl).host;
  const auth = new AuthenticationHandler({ getAccessToken: () => options.tokens.getToken() });
  const budget = options.budget ?? createRequestBudget();
  const retry = new ThrottleRetryHandler({ ...DEFAULT_RETRY_POLICY, remainingMs: budget.remainingMs, ...options.retry });
  const send = new FetchHandler(options.fetch ?? ((input, init) => globalThis.fetch(input, init)), budget);
  auth.setNext(retry);
  retry.setNext(send);
  return Client.initWithMiddleware({
    baseUrl,
    defaultVersion: GRAPH_VERSION,
    middleware: auth,
    // The token is attached only to Graph hosts; a local fake must be named explicitly.
    ...(host === "graph.microsoft.com" ? {} : { customHosts: new Set([new URL(baseUrl).hostname]) }),
  });
};
