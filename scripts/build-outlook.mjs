// Builds the Outlook add-in into dist/outlook/: the task pane (taskpane.html/.css/.js, bundled
// with esbuild; office.js stays on Microsoft's CDN), the preview page (preview.html/.js, fed by
// the preview server's sample week), commands.html, the icons and the manifest.
//   OUTLOOK_CLIENT_ID  the Entra app registration's client id (see the README)
//   OUTLOOK_BASE_URL   where the add-in is hosted (default https://localhost:3000)
//   OUTLOOK_OUTDIR     another output folder (the end-to-end tests build their own copy)
import { build } from "esbuild";
import { icalOnlyWhenUsed } from "./pureCore.mjs";
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

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

/**
 * Builds dist/outlook. Options: outdir, clientId, baseUrl, minify (default true).
 * Returns { outdir, metafile } (the esbuild metafile of taskpane.js, for the benchmark).
 */
export const buildOutlook = async (options = {}) => {
  const outdir = options.outdir ?? process.env.OUTLOOK_OUTDIR ?? join(root, "dist/outlook");
  const clientId = options.clientId ?? process.env.OUTLOOK_CLIENT_ID ?? PLACEHOLDER_CLIENT_ID;
  const baseUrl = (options.baseUrl ?? process.env.OUTLOOK_BASE_URL ?? DEV_BASE_URL).replace(/\/+$/, "");
  if (!/^https:\/\//.test(baseUrl)) throw new Error(`OUTLOOK_BASE_URL must be an https URL, got ${baseUrl}`);
  mkdirSync(join(outdir, "assets"), { recursive: true });
  const common = {
    bundle: true,
    minify: options.minify ?? true,
    format: "iife",
    platform: "browser",
    target: ["chrome109", "edge109", "safari15.4", "firefox115"],
    sourcemap: "linked",
    legalComments: "linked",
    logLevel: "warning",
    define: { NEXT_WEEK_CLIENT_ID: JSON.stringify(clientId) },
    plugins: [icalOnlyWhenUsed],
  };
  const taskpane = await build({ ...common, entryPoints: [join(src, "main.ts")], outfile: join(outdir, "taskpane.js"), metafile: true });
  const preview = await build({ ...common, entryPoints: [join(src, "previewMain.ts")], outfile: join(outdir, "preview.js"), metafile: true });

  const html = readFileSync(join(src, "taskpane.html"), "utf8");
  writeFileSync(join(outdir, "taskpane.html"), html);
  writeFileSync(
    join(outdir, "preview.html"),
    html
      .replace(/\s*<!-- office\.js[^>]*-->/, "")
      .replace(/\s*<script[^>]*data-host-script[^>]*><\/script>/, "")
      .replace('src="taskpane.js"', 'src="preview.js"')
      .replace("<title>Next Week</title>", "<title>Next Week (preview)</title>"),
  );
  copyFileSync(join(src, "taskpane.css"), join(outdir, "taskpane.css"));
  copyFileSync(join(src, "commands.html"), join(outdir, "commands.html"));
  copyFileSync(join(src, "support.html"), join(outdir, "support.html"));
  for (const size of ICON_SIZES) writeFileSync(join(outdir, "assets", `icon-${size}.png`), iconPng(size));
  const manifest = readFileSync(join(root, "manifest/manifest.xml"), "utf8").replaceAll(DEV_BASE_URL, baseUrl);
  writeFileSync(join(outdir, "manifest.xml"), manifest);
  writeFileSync(join(outdir, "meta.json"), JSON.stringify({ taskpane: taskpane.metafile, preview: preview.metafile }));
  return { outdir, metafile: taskpane.metafile };
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { outdir } = await buildOutlook();
  console.log(`outlook: built ${outdir}`);
}
