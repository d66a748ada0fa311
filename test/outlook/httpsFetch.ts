import { request } from "node:https";
import type { FetchLike } from "../../addon/outlook/graphClient";

/**
 * A `fetch` for Node tests that trusts one extra CA (the fake Graph's self-signed certificate)
 * without touching the process's TLS settings: node:https with that CA, answered as a standard
 * `Response`.
 */
export const httpsFetch = (ca: string): FetchLike => (input, init) =>
  new Promise<Response>((resolve, reject) => {
    const headers = new Headers(init.headers as HeadersInit | undefined);
    const body = typeof init.body === "string" ? init.body : init.body == null ? undefined : String(init.body);
    const req = request(input, { method: init.method ?? "GET", headers: Object.fromEntries(headers.entries()), ca }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const out = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out.set(k, Array.isArray(v) ? v.join(", ") : v);
        const status = res.statusCode ?? 500;
        resolve(new Response(status === 204 ? null : Buffer.concat(chunks), { status, headers: out }));
      });
      res.on("error", reject);
    });
    req.on("error", (e) => reject(new TypeError(`fetch failed: ${e.message}`)));
    init.signal?.addEventListener("abort", () => req.destroy(new Error("aborted")));
    if (body !== undefined) req.write(body);
    req.end();
  });
