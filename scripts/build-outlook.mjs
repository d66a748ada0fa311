// Builds the Outlook add-in into dist/outlook/: the task pane (taskpane.html/.css, taskpane.js
// the sign-in library's chunk and the public suffix list's chunk in chunks/, bundled with esbuild; office.js stays on Microsoft's CDN), the preview page (preview.html/.js, fed by
// the preview server's sample week), commands.html, the icons and the manifest.
//   OUTLOOK_CLIENT_ID  the Entra app registration's client id (see the README)
//   OUTLOOK_BASE_URL   where the add-in is hosted (default https://localhost:3000)
//   OUTLOOK_OUTDIR     another output folder (the end-to-end tests build their own copy)
//   NODE_ENV=production (or --production) a build to deploy: refused without OUTLOOK_CLIENT_ID and
//                      an https OUTLOOK_BASE_URL that is not localhost; otherwise a development build.
import { build } from "esbuild";
import { icalOnlyWhenUsed } from "./pureCore.mjs";
import { mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { dirname, join, relative } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "addon/outlook");
export const DEV_BASE_URL = "https://localhost:3000";
export const PLACEHOLDER_CLIENT_ID = "00000000-0000-0000-0000-000000000000";

// ---------- icons: a calendar page with next week's row highlighted, drawn as PNG ----------
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
/** A size×size RGBA PNG of the Next Week icon. */
export const iconPng = (size) => {
  const px = Buffer.alloc(size * size * 4);
  const set = (x, y, [r, g, b, a = 255]) => {
    const i = (y * size + x) * 4;
    px[i] = r; px[i + 1] = g; px[i + 2] = b; px[i + 3] = a;
  };
  const blue = [15, 94, 168], white = [255, 255, 255], light = [220, 232, 245], amber = [255, 196, 0];
  const radius = size * 0.18;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const cx = Math.min(Math.max(x + 0.5, radius), size - radius), cy = Math.min(Math.max(y + 0.5, radius), size - radius);
      const inside = Math.hypot(x + 0.5 - cx, y + 0.5 - cy) <= radius;
      set(x, y, inside ? blue : [0, 0, 0, 0]);
    }
  }
  const m = Math.round(size * 0.18), top = Math.round(size * 0.22), bottom = size - m;
  for (let y = top; y < bottom; y++) for (let x = m; x < size - m; x++) set(x, y, white);
  const header = top + Math.max(2, Math.round(size * 0.12));
  for (let y = top; y < header; y++) for (let x = m; x < size - m; x++) set(x, y, light);
  // Two rows of days; the second (next week) highlighted.
  const rowH = Math.floor((bottom - header) / 2);
  for (let y = header + rowH; y < bottom - Math.max(1, Math.round(size * 0.04)); y++) {
    for (let x = m + Math.max(1, Math.round(size * 0.05)); x < size - m - Math.max(1, Math.round(size * 0.05)); x++) set(x, y, amber);
  }
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) px.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
};
export const ICON_SIZES = [16, 32, 64, 80, 128];

const LOCAL_HOST = /^(localhost|.*\.localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)$/i;

/**
 * What a production build needs, or the one line that says what is missing.
 * @example productionProblem({ clientId: undefined, baseUrl: "https://x" }) → "OUTLOOK_CLIENT_ID is not set: …"
 */
export const productionProblem = ({ clientId, baseUrl }) => {
  if (!clientId || clientId === PLACEHOLDER_CLIENT_ID) return "OUTLOOK_CLIENT_ID is not set: give the Application (client) ID of the Entra app registration (see the README's Outlook admin steps)";
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(clientId)) return `OUTLOOK_CLIENT_ID must be a GUID (the Application (client) ID), got "${clientId}"`;
  if (!baseUrl) return "OUTLOOK_BASE_URL is not set: give the https address where dist/outlook will be hosted, e.g. https://nextweek.example.com";
  let url;
  try {
    url = new URL(baseUrl);
  } catch {
    return `OUTLOOK_BASE_URL is not a URL: "${baseUrl}"`;
  }
  if (url.protocol !== "https:") return `OUTLOOK_BASE_URL must be https (Outlook loads add-ins only over https), got "${baseUrl}"`;
  if (LOCAL_HOST.test(url.hostname)) return `OUTLOOK_BASE_URL must not be this machine (${url.hostname}) in a production build: give the public https host`;
  return null;
};

/** The Content-Security-Policy the task pane declares in taskpane.html (the dev server sends it as a header too). */
export const taskpaneCsp = () => /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync(join(src, "taskpane.html"), "utf8"))?.[1] ?? "";

/**
 * Builds dist/outlook. Options: outdir, clientId, baseUrl, minify (default true), production
 * (default: NODE_ENV=production or --production on the command line).
 * Returns { outdir, metafile, production, msalChunk, tldtsChunk } (metafile: the esbuild metafile
 * of the task pane, for the benchmark; msalChunk / tldtsChunk: the file names of the sign-in
 * library's and the public suffix list's chunks).
 * A production build throws (one line naming the variable) without a client id and a public
 * https base URL.
 */
export const buildOutlook = async (options = {}) => {
  const production = options.production ?? (process.env.NODE_ENV === "production" || process.argv.includes("--production"));
  const outdir = options.outdir ?? process.env.OUTLOOK_OUTDIR ?? join(root, "dist/outlook");
  const givenClientId = options.clientId ?? process.env.OUTLOOK_CLIENT_ID;
  const givenBaseUrl = options.baseUrl ?? process.env.OUTLOOK_BASE_URL;
  if (production) {
    const problem = productionProblem({ clientId: givenClientId, baseUrl: givenBaseUrl });
    if (problem) throw new Error(`production build refused: ${problem}`);
  }
  const clientId = givenClientId || PLACEHOLDER_CLIENT_ID;
  const baseUrl = (givenBaseUrl || DEV_BASE_URL).replace(/\/+$/, "");
  if (!/^https:\/\//.test(baseUrl)) throw new Error(`OUTLOOK_BASE_URL must be an https URL, got ${baseUrl}`);
  rmSync(join(outdir, "chunks"), { recursive: true, force: true });
  mkdirSync(join(outdir, "assets"), { recursive: true });
  const common = {
    bundle: true,
    minify: options.minify ?? true,
    platform: "browser",
    target: ["chrome109", "edge109", "safari15.4", "firefox115"],
    sourcemap: "linked",
    legalComments: "linked",
    logLevel: "warning",
    define: { NEXT_WEEK_CLIENT_ID: JSON.stringify(clientId) },
    plugins: [icalOnlyWhenUsed],
  };
  // The task pane as ES modules: its own code in taskpane.js, the sign-in library (imported
  // dynamically by naaTokenProvider.ts) in a content-hashed chunk the page preloads, so the two
  // download in parallel and the library stays cached across releases of the pane.
  const taskpane = await build({
    ...common,
    format: "esm",
    splitting: true,
    entryPoints: { taskpane: join(src, "main.ts") },
    outdir,
    chunkNames: "chunks/[name]-[hash]",
    metafile: true,
  });
  // The time-zone data warm-up (warmIntl.ts): a classic script the page runs while the modules download.
  await build({ ...common, sourcemap: false, format: "iife", entryPoints: [join(src, "warmIntl.ts")], outfile: join(outdir, "warm-intl.js"), metafile: true });
  const preview = await build({ ...common, format: "iife", entryPoints: [join(src, "previewMain.ts")], outfile: join(outdir, "preview.js"), metafile: true });

  const outputs = Object.entries(taskpane.metafile.outputs).filter(([file]) => file.endsWith(".js"));
  const chunkFiles = outputs.filter(([file]) => file.includes("/chunks/")).map(([file, meta]) => ({ file: relative(outdir, join(root, file)).split("\\").join("/"), meta }));
  const msal = chunkFiles.find((c) => Object.keys(c.meta.inputs).some((i) => i.includes("node_modules/@azure/msal-browser") && c.meta.bytes > 50_000));
  // The public suffix list (tldts-icann, imported dynamically by registrableDomain.ts): fetched
  // when the pane starts reading a week, in parallel with the read, outside the pane's own code.
  const tldts = chunkFiles.find((c) => Object.keys(c.meta.inputs).some((i) => /node_modules\/tldts-(icann|core)\//.test(i)));
  // Preloaded: what taskpane.js imports statically and the MSAL chunk with its static imports (so
  // the sign-in library downloads while the loading screen paints). The settings screen's chunk
  // is fetched on first use.
  const byFile = new Map(outputs.map(([file, meta]) => [file, meta]));
  const staticImports = (file) => (byFile.get(file)?.imports ?? []).filter((i) => i.kind === "import-statement").map((i) => i.path);
  const entry = outputs.find(([file]) => file.endsWith("/taskpane.js"))?.[0];
  const msalPath = msal ? outputs.find(([file]) => file.endsWith(msal.file))?.[0] : undefined;
  const initial = new Set([...(entry ? staticImports(entry) : []), ...(msalPath ? [msalPath, ...staticImports(msalPath)] : [])]);
  const preloaded = chunkFiles.filter((c) => [...initial].some((p) => p.endsWith(c.file)));
  const preloads = preloaded.map((c) => `    <link rel="modulepreload" href="${c.file}" />`).join("\n");

  const html = readFileSync(join(src, "taskpane.html"), "utf8");
  writeFileSync(join(outdir, "taskpane.html"), html.replace(/\s*<!-- chunks -->/, preloads ? `\n${preloads}` : ""));
  writeFileSync(
    join(outdir, "preview.html"),
    html
      .replace(/\s*<!-- chunks -->/, "")
      .replace(/\s*<!-- office\.js[^>]*-->/, "")
      .replace(/\s*<script[^>]*data-host-script[^>]*><\/script>/, "")
      .replace(/<script type="module" src="taskpane.js"[^>]*><\/script>/, '<script src="preview.js" defer data-app-script></script>')
      .replace("<title>Next Week</title>", "<title>Next Week (preview)</title>"),
  );
  copyFileSync(join(src, "taskpane.css"), join(outdir, "taskpane.css"));
  copyFileSync(join(src, "commands.html"), join(outdir, "commands.html"));
  copyFileSync(join(src, "support.html"), join(outdir, "support.html"));
  for (const size of ICON_SIZES) writeFileSync(join(outdir, "assets", `icon-${size}.png`), iconPng(size));
  const manifest = readFileSync(join(root, "manifest/manifest.xml"), "utf8").replaceAll(DEV_BASE_URL, baseUrl);
  writeFileSync(join(outdir, "manifest.xml"), manifest);
  const startupFiles = ["taskpane.js", "warm-intl.js", ...preloaded.map((c) => c.file).filter((f) => f !== msal?.file)];
  writeFileSync(join(outdir, "meta.json"), JSON.stringify({ taskpane: taskpane.metafile, preview: preview.metafile, production, msalChunk: msal?.file ?? null, tldtsChunk: tldts?.file ?? null, startupFiles }));
  return { outdir, metafile: taskpane.metafile, production, msalChunk: msal?.file ?? null, tldtsChunk: tldts?.file ?? null, startupFiles, clientId, baseUrl };
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const { outdir, production, clientId, baseUrl } = await buildOutlook();
    if (production) console.log(`outlook: production build in ${outdir} for ${baseUrl}`);
    else {
      const missing = [clientId === PLACEHOLDER_CLIENT_ID ? "placeholder client id" : null, baseUrl === DEV_BASE_URL ? `base URL ${DEV_BASE_URL}` : null].filter(Boolean);
      console.log(`outlook: DEVELOPMENT build in ${outdir}${missing.length ? ` (${missing.join(", ")})` : ""}: for sideloading and tests, not for deployment; deploy with NODE_ENV=production OUTLOOK_CLIENT_ID=… OUTLOOK_BASE_URL=https://… npm run build`);
    }
  } catch (error) {
    console.error(`outlook: ${error.message}`);
    process.exit(1);
  }
}
