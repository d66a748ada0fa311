// `npm run dev:outlook`: serves the Outlook task pane on https://localhost:3000 for sideloading,
// with a development certificate, rebuilding when addon/outlook or shared change.
// The certificate is made once in .certs/ (git-ignored): a local CA (.certs/ca.crt, trust it
// once, see the README) and a localhost certificate it signs.
import { createServer } from "node:https";
import { existsSync, mkdirSync, readFileSync, watch, writeFileSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { dirname } from "node:path";
import { generate } from "selfsigned";
import { buildOutlook } from "./build-outlook.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const certs = join(root, ".certs");
const port = Number(process.env.PORT ?? 3000);

/** The development CA and localhost certificate, made on first use. */
export const devCertificate = async () => {
  const files = { caCert: join(certs, "ca.crt"), caKey: join(certs, "ca.key"), cert: join(certs, "localhost.crt"), key: join(certs, "localhost.key") };
  if (Object.values(files).every(existsSync)) {
    return { cert: readFileSync(files.cert, "utf8"), key: readFileSync(files.key, "utf8"), caFile: files.caCert };
  }
  mkdirSync(certs, { recursive: true });
  const year = () => new Date(Date.now() + 365 * 24 * 3600 * 1000);
  const ca = await generate([{ name: "commonName", value: "Next Week Development CA" }, { name: "organizationName", value: "Next Week (development only)" }], {
    keySize: 2048,
    algorithm: "sha256",
    notAfterDate: year(),
    extensions: [{ name: "basicConstraints", cA: true, critical: true }, { name: "keyUsage", keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true }],
  });
  const leaf = await generate([{ name: "commonName", value: "localhost" }], {
    keySize: 2048,
    algorithm: "sha256",
    notAfterDate: year(),
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
      { name: "extKeyUsage", serverAuth: true },
      { name: "subjectAltName", altNames: [{ type: 2, value: "localhost" }, { type: 7, ip: "127.0.0.1" }, { type: 7, ip: "::1" }] },
    ],
  });
  writeFileSync(files.caCert, ca.cert);
  writeFileSync(files.caKey, ca.private, { mode: 0o600 });
  writeFileSync(files.cert, leaf.cert);
  writeFileSync(files.key, leaf.private, { mode: 0o600 });
  return { cert: leaf.cert, key: leaf.private, caFile: files.caCert };
};

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".png": "image/png", ".xml": "application/xml; charset=utf-8", ".map": "application/json", ".txt": "text/plain; charset=utf-8" };

/** Starts the https server on dist/outlook; returns { url, close }. */
export const startDevServer = async ({ port: listenPort = port, host = "localhost" } = {}) => {
  const { outdir } = await buildOutlook();
  const { cert, key, caFile } = await devCertificate();
  const server = createServer({ cert, key }, (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "https://localhost").pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join(outdir, path === "/" ? "taskpane.html" : path);
    if (!file.startsWith(outdir) || !existsSync(file)) {
      res.writeHead(404, { "Content-Type": "text/plain" });
      return res.end("Not found");
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
    res.end(readFileSync(file));
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(listenPort, host, resolve);
  });
  return { url: `https://localhost:${server.address().port}/taskpane.html`, caFile, outdir, close: () => new Promise((r) => server.close(r)) };
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dev = await startDevServer();
  console.log(`Next Week task pane: ${dev.url}`);
  console.log(`Manifest to sideload: ${join(root, "manifest/manifest.xml")} (or ${join(dev.outdir, "manifest.xml")})`);
  console.log(`Trust the development CA once: ${dev.caFile} (see the README's "Sideload in Outlook").`);
  if (!process.env.OUTLOOK_CLIENT_ID) console.log("Note: OUTLOOK_CLIENT_ID is not set, so the pane will ask for an app registration (see the README).");
  let timer = null;
  const rebuild = () => {
    clearTimeout(timer);
    timer = setTimeout(() => buildOutlook().then(() => console.log(`rebuilt ${new Date().toLocaleTimeString()}`), (e) => console.error(e.message)), 150);
  };
  for (const dir of ["addon/outlook", "shared", "manifest"]) watch(join(root, dir), { recursive: true }, rebuild);
  console.log("Watching addon/outlook, shared and manifest; Ctrl+C to stop.");
}
