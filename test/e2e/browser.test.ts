import { mkdtempSync, rmSync, writeFileSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, findChromium, unpackPackagedChromium } from "./browser";

// A machine with only Node and npm: no Debian Chromium, no override. The tests must still find a
// browser (the one shipped in the @sparticuz/chromium devDependency) and it must really run here.
test("without Debian's Chromium, the browser shipped in an npm package is found, unpacked once and launched", async () => {
  const choice = findChromium({ env: {}, debianPath: join(tmpdir(), "no-such-dir", "chromium") });
  expect(choice.from).toBe("npm");
  expect(unpackPackagedChromium()).toBe(choice.path); // already unpacked: the same file, no second copy

  const browser = await chromium.launch({ executablePath: choice.path, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent("<main><h1>Next week</h1></main>");
    expect(await page.locator("h1").textContent()).toBe("Next week");
  } finally {
    await browser.close();
  }
});

test("an installed Debian Chromium is preferred, and an override wins over both", () => {
  const dir = mkdtempSync(join(tmpdir(), "nw-chromium-"));
  try {
    const debian = join(dir, "chromium");
    writeFileSync(debian, "#!/bin/sh\n");
    chmodSync(debian, 0o755);
    expect(findChromium({ env: {}, debianPath: debian })).toEqual({ path: debian, from: "debian" });
    const other = join(dir, "chrome");
    writeFileSync(other, "#!/bin/sh\n");
    chmodSync(other, 0o755);
    expect(findChromium({ env: { NEXT_WEEK_CHROMIUM: other }, debianPath: debian })).toEqual({ path: other, from: "env" });
    expect(() => findChromium({ env: { NEXT_WEEK_CHROMIUM: join(dir, "missing") }, debianPath: debian })).toThrow(/NEXT_WEEK_CHROMIUM=.*not an executable/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a missing package says what to do instead of failing inside the browser driver", () => {
  const dir = mkdtempSync(join(tmpdir(), "nw-chromium-"));
  try {
    expect(() => findChromium({ env: {}, debianPath: join(dir, "chromium"), packageDir: join(dir, "pkg"), cacheDir: dir })).toThrow(/run npm ci\), or set NEXT_WEEK_CHROMIUM/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
