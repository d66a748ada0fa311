/**
 * The fake Graph (fakeGraph.ts) on its own https server on 127.0.0.1, for the tests and the
 * bench: a self-signed certificate, because the Graph client follows `@odata.nextLink` only over
 * https.
 */
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { generate } from "selfsigned";
import { createFakeGraph, type FakeGraphHandler, type FakeGraphOptions } from "./fakeGraph";

export type { Fault, FakeGraphOptions, GraphEventJson, RecordedRequest } from "./fakeGraph";
export { FAULTS, GRAPH_DEFAULT_PAGE_SIZE, GRAPH_MAX_PAGE_SIZE, graphErrorBody } from "./fakeGraph";

export interface FakeGraph extends FakeGraphHandler {
  /** "https://127.0.0.1:PORT" (Graph client baseUrl; the version "v1.0" is added by the client). */
  readonly url: string;
  /** The PEM certificate to trust. */
  readonly ca: string;
  close(): Promise<void>;
}

/** Starts the fake on 127.0.0.1 (a random port). */
export const startFakeGraph = async (options: FakeGraphOptions = {}): Promise<FakeGraph> => {
  const pems = await generate([{ name: "commonName", value: "127.0.0.1" }], {
    keyType: "ec",
    notAfterDate: new Date(Date.now() + 2 * 24 * 3600 * 1000),
    algorithm: "sha256",
    extensions: [
      { name: "basicConstraints", cA: true },
      { name: "subjectAltName", altNames: [{ type: 7, ip: "127.0.0.1" }, { type: 2, value: "localhost" }] },
    ],
  });
  const fake = createFakeGraph(options);
  const server = createHttpsServer({ key: pems.private, cert: pems.cert }, fake.handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `https://127.0.0.1:${port}`;
  if (!options.publicBaseUrl) fake.setPublicBaseUrl(`${url}/v1.0`);
  return {
    ...fake,
    url,
    ca: pems.cert,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
