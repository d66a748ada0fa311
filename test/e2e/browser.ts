/**
 * Which Chromium the browser tests and the bench drive, so that `npm test` needs nothing but Node
 * and npm:
 *  1. NEXT_WEEK_CHROMIUM, when set (any Chromium or Chrome binary; an explicit choice wins);
 *  2. Debian's /usr/bin/chromium, when installed;
 *  3. the Chromium shipped inside the `@sparticuz/chromium` devDependency: its brotli-compressed
 *     binary is unpacked once into node_modules/.cache/next-week/ (written under a temporary name
 *     and renamed, so parallel test workers never run a half-written file).
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliDecompressSync } from "node:zlib";

export const ROOT = join(__dirname, "../..");
export const DEBIAN_CHROMIUM = "/usr/bin/chromium";
export const ENV_VAR = "NEXT_WEEK_CHROMIUM";
/** Headless flags: no sandbox (tests may run as root), and nothing that calls home. */
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export interface BrowserChoice {
  readonly path: string;
  readonly from: "env" | "debian" | "npm";
}

export interface FindOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** Where Debian's Chromium would be (tests hide it by pointing elsewhere). */
  readonly debianPath?: string;
  /** The @sparticuz/chromium package folder. */
  readonly packageDir?: string;
  /** Where the unpacked binary is kept. */
  readonly cacheDir?: string;
}

const executable = (path: string): boolean => {
  try {
    return statSync(path).isFile() && (statSync(path).mode & 0o111) !== 0;
  } catch {
    return false;
  }
};

/** Unpacks the npm package's Chromium (once per package version) and returns its path. */
export const unpackPackagedChromium = (packageDir = join(ROOT, "node_modules/@sparticuz/chromium"), cacheDir = join(ROOT, "node_modules/.cache/next-week")): string => {
  const archive = join(packageDir, "bin/chromium.br");
  if (!existsSync(archive)) throw new Error(`no Chromium found: ${DEBIAN_CHROMIUM} is absent and ${archive} is missing (run npm ci), or set ${ENV_VAR}`);
  const { version } = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { version: string };
  const dir = join(cacheDir, `chromium-${version}`);
  const binary = join(dir, "chromium");
  if (executable(binary)) return binary;
  mkdirSync(dir, { recursive: true });
  const partial = `${binary}.${process.pid}.${Date.now()}.part`;
  writeFileSync(partial, brotliDecompressSync(readFileSync(archive)));
  chmodSync(partial, 0o755);
  renameSync(partial, binary);
  return binary;
};

/** The Chromium to launch: the override, Debian's, else the packaged one (unpacked on first use). */
export const findChromium = (options: FindOptions = {}): BrowserChoice => {
  const env = options.env ?? process.env;
  const override = env[ENV_VAR];
  if (override) {
    if (!executable(override)) throw new Error(`${ENV_VAR}=${override} is not an executable file`);
    return { path: override, from: "env" };
  }
  const debian = options.debianPath ?? DEBIAN_CHROMIUM;
  if (executable(debian)) return { path: debian, from: "debian" };
  return { path: unpackPackagedChromium(options.packageDir, options.cacheDir), from: "npm" };
};
