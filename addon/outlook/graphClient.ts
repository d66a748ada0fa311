import { createRequestBudget, GraphTimeoutError, type RequestBudget } from "./requestBudget";
import { DEFAULT_RETRY_POLICY, plannedWait, RETRY_STATUSES, type RetryPolicy } from "./throttleRetryHandler";
import type { TokenProvider } from "./tokenProvider";

/** Microsoft Graph in production. */
export const GRAPH_BASE_URL = "https://graph.microsoft.com";
export const GRAPH_VERSION = "v1.0";

/** The `fetch` requests are sent with (the browser's, or one with a test CA in Node). */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

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
 * What a failed call throws: Graph's status and error code when Graph answered, else
 * `statusCode: -1` and the name of what failed (`GraphTimeoutError`, `AuthError`, `TypeError` for
 * an unreachable host…) as `code`. graphErrors.ts turns it into a message.
 */
export class GraphCallError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "GraphCallError";
  }
}

/** One request, built fluently: `client.api("/me/calendarView").query({…}).select([…]).get()`. */
export interface GraphRequest {
  query(values: Readonly<Record<string, string>>): GraphRequest;
  select(fields: readonly string[]): GraphRequest;
  expand(value: string): GraphRequest;
  orderby(value: string): GraphRequest;
  top(count: number): GraphRequest;
  header(name: string, value: string): GraphRequest;
  get(): Promise<unknown>;
  post(body: unknown): Promise<unknown>;
}

/** The few Graph calls the pane makes. */
export interface GraphClient {
  /** A path under the version ("/me/events") or an absolute URL (an `@odata.nextLink`). */
  api(pathOrUrl: string): GraphRequest;
}

const asCallError = (error: unknown): GraphCallError => {
  if (error instanceof GraphCallError) return error;
  const e = error instanceof Error ? error : new Error(String(error));
  return new GraphCallError(-1, e.name, e.message, { cause: error });
};

/**
 * A small Graph client: bearer token only to Graph's own origin, throttling retries that honour
 * Retry-After within the screen's budget, and every request (body included) within its time
 * limit. The base URL is configurable so tests and the preview can point it at a local fake.
 * @example await createGraphClient({ tokens }).api("/me/mailboxSettings").select(["timeZone"]).get()
 */
export const createGraphClient = (options: GraphClientOptions): GraphClient => {
  const base = new URL((options.baseUrl ?? GRAPH_BASE_URL).replace(/\/+$/, ""));
  const root = `${base.href.replace(/\/+$/, "")}/${GRAPH_VERSION}`;
  const budget = options.budget ?? createRequestBudget();
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, remainingMs: budget.remainingMs, ...options.retry };
  const send: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  /** One attempt within its time limit; the body is read inside the limit too. */
  const attempt = async (url: string, init: RequestInit): Promise<{ status: number; headers: Headers; text: string }> => {
    const limit = budget.requestLimitMs();
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
      const response = await Promise.race([send(url, { ...init, signal: controller.signal }), expired]);
      const text = await Promise.race([response.text(), expired]);
      return { status: response.status, headers: response.headers, text };
    } finally {
      clearTimeout(timer);
    }
  };

  const call = async (method: "GET" | "POST", url: string, headers: Record<string, string>, body?: unknown): Promise<unknown> => {
    try {
      const own = new URL(url).origin === base.origin;
      const sent: Record<string, string> = { ...headers };
      if (own) sent.Authorization = `Bearer ${await options.tokens.getToken()}`;
      if (body !== undefined) sent["Content-Type"] = "application/json";
      const init: RequestInit = {
        method,
        headers: sent,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      };
      for (let retry = 0; ; retry++) {
        const answer = await attempt(url, init);
        if (RETRY_STATUSES.includes(answer.status) && retry < policy.maxRetries) {
          const wait = plannedWait(answer.headers.get("Retry-After"), retry + 1, policy);
          if (wait !== null) {
            await policy.sleep(wait);
            continue;
          }
        }
        let json: unknown = null;
        try {
          json = answer.text ? JSON.parse(answer.text) : null;
        } catch {
          if (answer.status < 300) throw new GraphCallError(answer.status, "InvalidJson", "Microsoft 365 answered with something that is not JSON.");
        }
        if (answer.status >= 200 && answer.status < 300) return json;
        const error = (json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
        throw new GraphCallError(answer.status, typeof error?.code === "string" ? error.code : "", typeof error?.message === "string" ? error.message : `HTTP ${answer.status}`);
      }
    } catch (error) {
      throw asCallError(error);
    }
  };

  return {
    api(pathOrUrl) {
      const absolute = /^https?:\/\//i.test(pathOrUrl);
      const params: [string, string][] = [];
      const headers: Record<string, string> = {};
      const url = () => {
        const u = new URL(absolute ? pathOrUrl : `${root}${pathOrUrl.startsWith("/") ? "" : "/"}${pathOrUrl}`);
        for (const [k, v] of params) u.searchParams.set(k, v);
        return u.href;
      };
      const request: GraphRequest = {
        query: (values) => (params.push(...Object.entries(values)), request),
        select: (fields) => (params.push(["$select", fields.join(",")]), request),
        expand: (value) => (params.push(["$expand", value]), request),
        orderby: (value) => (params.push(["$orderby", value]), request),
        top: (count) => (params.push(["$top", String(count)]), request),
        header: (name, value) => ((headers[name] = value), request),
        get: () => call("GET", url(), headers),
        post: (body) => call("POST", url(), headers, body),
      };
      return request;
    },
  };
};
