// `npm run dev:outlook`: serves the Outlook task pane on https://localhost:3000 for sideloading,
// with a development certificate, rebuilding when addon/outlook or shared change.
// The certificate is made once in .certs/ (git-ignored): a local CA (.certs/ca.crt, trust it
// once, see the README) and a localhost certificate it signs. The CA carries X.509 name
// constraints: it can vouch only for localhost, 127.0.0.1 and ::1, so trusting it system-wide
// never lets it (or a stolen copy of its key) impersonate another site.
// Every answer carries the task pane's Content-Security-Policy and `X-Content-Type-Options:
// nosniff`; a request the server cannot read gets a 4xx and the server keeps serving; a busy port
// ends the command with one line and a non-zero status.
import { createServer } from "node:https";
import { webcrypto } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, watch, writeFileSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { dirname } from "node:path";
import * as x509 from "@peculiar/x509";
import { buildOutlook, taskpaneCsp } from "./build-outlook.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(process.env.PORT ?? 3000);

/** OID of the X.509 NameConstraints extension. */
export const NAME_CONSTRAINTS_OID = "2.5.29.30";

/**
 * DER of NameConstraints { permittedSubtrees: dNSName localhost, iPAddress 127.0.0.1/32, ::1/128 }.
 * (Short-form DER lengths: every part is under 128 bytes.)
 */
export const localhostNameConstraints = () => {
  const tlv = (tag, bytes) => Buffer.concat([Buffer.from([tag, bytes.length]), bytes]);
  const subtree = (generalName) => tlv(0x30, generalName);
  const dns = subtree(tlv(0x82, Buffer.from("localhost", "ascii")));
  const ip4 = subtree(tlv(0x87, Buffer.from([127, 0, 0, 1, 255, 255, 255, 255])));
  const ip6 = subtree(tlv(0x87, Buffer.concat([Buffer.alloc(15), Buffer.from([1]), Buffer.alloc(16, 0xff)])));
  return tlv(0x30, tlv(0xa0, Buffer.concat([dns, ip4, ip6])));
};

const ALG = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" };
const pemKey = async (key) => x509.PemConverter.encode(await webcrypto.subtle.exportKey("pkcs8", key), "PRIVATE KEY");

/** A CA limited to localhost by name constraints, and a localhost certificate it signs (PEM strings). */
export const makeDevCertificates = async ({ caName = "Next Week Development CA", leafNames = ["localhost"], days = 365 } = {}) => {
  x509.cryptoProvider.set(webcrypto);
  const notBefore = new Date(Date.now() - 60_000);
  const notAfter = new Date(Date.now() + days * 24 * 3600 * 1000);
  const caKeys = await webcrypto.subtle.generateKey(ALG, true, ["sign", "verify"]);
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    name: `CN=${caName}, O=Next Week (development only)`,
    keys: caKeys,
    notBefore,
    notAfter,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature, true),
      new x509.Extension(NAME_CONSTRAINTS_OID, true, localhostNameConstraints()),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const leafKeys = await webcrypto.subtle.generateKey(ALG, true, ["sign", "verify"]);
  const altNames = leafNames.map((n) => (/^[\d.]+$|:/.test(n) ? { type: "ip", value: n } : { type: "dns", value: n }));
  const leaf = await x509.X509CertificateGenerator.create({
    subject: `CN=${leafNames[0]}`,
    issuer: ca.subject,
    publicKey: leafKeys.publicKey,
    signingKey: caKeys.privateKey,
    notBefore,
    notAfter,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(altNames),
      await x509.AuthorityKeyIdentifierExtension.create(ca),
    ],
  });
  return { caCert: ca.toString("pem"), caKey: await pemKey(caKeys.privateKey), cert: leaf.toString("pem"), key: await pemKey(leafKeys.privateKey) };
};

/** The development CA and localhost certificate, made on first use (remade when the CA has no name constraints). */
export const devCertificate = async (certs = join(root, ".certs")) => {
  const files = { caCert: join(certs, "ca.crt"), caKey: join(certs, "ca.key"), cert: join(certs, "localhost.crt"), key: join(certs, "localhost.key") };
  if (Object.values(files).every(existsSync)) {
    const constrained = new x509.X509Certificate(readFileSync(files.caCert, "utf8")).getExtension(NAME_CONSTRAINTS_OID);
    if (constrained) return { cert: readFileSync(files.cert, "utf8"), key: readFileSync(files.key, "utf8"), caFile: files.caCert, made: false };
  }
  mkdirSync(certs, { recursive: true });
  const made = await makeDevCertificates({ leafNames: ["localhost", "127.0.0.1", "::1"] });
  writeFileSync(files.caCert, made.caCert);
  writeFileSync(files.caKey, made.caKey, { mode: 0o600 });
  writeFileSync(files.cert, made.cert);
  writeFileSync(files.key, made.key, { mode: 0o600 });
  return { cert: made.cert, key: made.key, caFile: files.caCert, made: true };
};

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".png": "image/png", ".xml": "application/xml; charset=utf-8", ".map": "application/json", ".txt": "text/plain; charset=utf-8" };

/** Headers on every answer: the pane's policy, no MIME sniffing, no referrer. */
export const securityHeaders = () => ({ "Content-Security-Policy": taskpaneCsp(), "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer" });

/** The request handler over a built folder (exported for tests). */
export const devHandler = (outdir) => {
  const headers = securityHeaders();
  const plain = (res, status, text) => {
    if (res.headersSent) return res.end();
    res.writeHead(status, { ...headers, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
    res.end(text);
  };
  return (req, res) => {
    try {
      if (req.method !== "GET" && req.method !== "HEAD") return plain(res, 405, "Method not allowed");
      let path;
      try {
        path = decodeURIComponent(new URL(req.url ?? "/", "https://localhost").pathname);
      } catch {
        return plain(res, 400, "Bad request: the path is not valid percent-encoding");
      }
      if (path.includes("\0")) return plain(res, 400, "Bad request");
      const file = join(outdir, normalize(path === "/" ? "/taskpane.html" : path));
      if (!(file === outdir || file.startsWith(outdir + sep))) return plain(res, 404, "Not found");
      if (!existsSync(file) || !statSync(file).isFile()) return plain(res, 404, "Not found");
      // Content-hashed chunks (the sign-in library) never change under their name: cache them.
      const cache = file.includes(`${sep}chunks${sep}`) ? "public, max-age=31536000, immutable" : "no-store";
      res.writeHead(200, { ...headers, "Content-Type": TYPES[extname(file)] ?? "application/octet-stream", "Cache-Control": cache });
      res.end(req.method === "HEAD" ? undefined : readFileSync(file));
    } catch {
      plain(res, 500, "Internal error");
    }
  };
};

/** Starts the https server on dist/outlook; returns { url, caFile, outdir, close }. Rejects with EADDRINUSE on a busy port. */
export const startDevServer = async ({ port: listenPort = port, host = "localhost", outdir: given, certs } = {}) => {
  const outdir = given ?? (await buildOutlook()).outdir;
  const { cert, key, caFile } = await devCertificate(certs);
  const server = createServer({ cert, key }, devHandler(outdir));
  server.on("clientError", (_error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    else socket.destroy();
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(listenPort, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    url: `https://localhost:${server.address().port}/taskpane.html`,
    caFile,
    outdir,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(r);
      }),
  };
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let dev;
  try {
    dev = await startDevServer();
  } catch (error) {
    const why = error.code === "EADDRINUSE" ? `port ${port} is already in use` : error.code === "EACCES" ? `port ${port} needs privileges` : error.message;
    console.error(`dev:outlook: cannot serve the task pane: ${why}; set PORT to use another port (e.g. PORT=4000 npm run dev:outlook).`);
    process.exit(1);
  }
  console.log(`Next Week task pane: ${dev.url}`);
  console.log(`Manifest to sideload: ${join(root, "manifest/manifest.xml")} (or ${join(dev.outdir, "manifest.xml")})`);
  console.log(`Trust the development CA once: ${dev.caFile} (limited to localhost by name constraints; see the README's "Sideload in Outlook").`);
  if (!process.env.OUTLOOK_CLIENT_ID) console.log("Note: OUTLOOK_CLIENT_ID is not set, so the pane will ask for an app registration (see the README).");
  let timer = null;
  const rebuild = () => {
    clearTimeout(timer);
    timer = setTimeout(() => buildOutlook().then(() => console.log(`rebuilt ${new Date().toLocaleTimeString()}`), (e) => console.error(e.message)), 150);
  };
  for (const dir of ["addon/outlook", "shared", "manifest"]) watch(join(root, dir), { recursive: true }, rebuild);
  console.log("Watching addon/outlook, shared and manifest; Ctrl+C to stop.");
}
