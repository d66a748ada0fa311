import type { Context, Middleware } from "@microsoft/microsoft-graph-client";

/** The `fetch` the Graph client sends with (the browser's, or one with a test CA in Node). */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/**
 * The last middleware of the chain: sends the request with an injected `fetch`.
 * (The library's HTTPMessageHandler always uses the global `fetch`.)
 */
export class FetchHandler implements Middleware {
  constructor(private readonly send: FetchLike) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === "string" ? context.request : context.request.url;
    context.response = await this.send(url, (context.options ?? {}) as RequestInit);
  }
}
