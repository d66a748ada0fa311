import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = join(__dirname, "../..");
const MANIFEST = join(root, "manifest/manifest.xml");
const xml = readFileSync(MANIFEST, "utf8");
const dir = mkdtempSync(join(tmpdir(), "nw-manifest-test-"));
// Its own build, so the icon sizes are checked against files no other test is writing.
const assets = join(dir, "dist");

beforeAll(async () => {
  await run(process.execPath, [join(root, "scripts/build-outlook.mjs")], { env: { ...process.env, OUTLOOK_OUTDIR: assets } });
});

/** Runs `npm run validate:outlook`'s checker on a manifest text; returns its exit code and output. */
const validate = async (text: string, name: string, assetsDir = assets) => {
  const file = join(dir, `${name}.xml`);
  writeFileSync(file, text);
  try {
    const { stdout } = await run(process.execPath, [join(root, "scripts/validate-outlook.mjs"), file], { env: { ...process.env, OUTLOOK_ASSETS_DIR: assetsDir } });
    return { code: 0, out: stdout };
  } catch (e) {
    const failure = e as { code: number; stdout: string };
    return { code: failure.code, out: failure.stdout };
  }
};

test("the committed manifest passes every offline check, including the unified JSON schema", async () => {
  const { code, out } = await validate(xml, "committed");
  expect(out).toContain("ok    well-formed XML");
  expect(out).toContain("ok    top-level elements present and in schema order");
  expect(out).toContain("ok    permission ReadItem");
  expect(out).toContain("ok    icons are PNGs of their declared sizes (64, 128, 16, 32, 80)");
  expect(out).toMatch(/ok {4}VersionOverridesV1_1: 3 surfaces, resids resolve, ids unique, pinnable on message read/);
  expect(out).toMatch(/ok {4}converts to a unified JSON manifest valid against the v[\d.]+ schema/);
  expect(out).toContain("Only Microsoft's online validator");
  expect(code).toBe(0);
});

test("an icon of the wrong size is caught", async () => {
  const wrong = join(dir, "wrong-icons");
  await run(process.execPath, [join(root, "scripts/build-outlook.mjs")], { env: { ...process.env, OUTLOOK_OUTDIR: wrong } });
  copyFileSync(join(wrong, "assets/icon-16.png"), join(wrong, "assets/icon-80.png"));
  const { code, out } = await validate(xml, "wrong-icon", wrong);
  expect(out).toContain("FAIL  icon https://localhost:3000/assets/icon-80.png must be a 80×80 PNG, is 16×16");
  expect(code).toBe(1);
});

test("the manifest offers the task pane on message read and appointment read and compose", () => {
  for (const surface of ["MessageReadCommandSurface", "AppointmentOrganizerCommandSurface", "AppointmentAttendeeCommandSurface"]) {
    expect(xml).toContain(`xsi:type="${surface}"`);
  }
  expect(xml.match(/<SupportsPinning>true<\/SupportsPinning>/g)).toHaveLength(1);
  expect(xml).toContain("https://localhost:3000/taskpane.html");
});

test.each([
  ["malformed XML", xml.replace("</Permissions>", "</Permission>"), /not well-formed XML/],
  ["an http URL", xml.replace('"https://localhost:3000/taskpane.html"', '"http://localhost:3000/taskpane.html"'), /URLs must be https: .*http:\/\/localhost:3000\/taskpane.html/],
  ["a resid with no resource", xml.replace('<SourceLocation resid="Taskpane.Url"/>', '<SourceLocation resid="Missing.Url"/>'), /resid not defined in its <Resources>: Missing.Url/],
  ["pinning on an appointment", xml.replace(/(AppointmentAttendeeCommandSurface[\s\S]*?<SourceLocation resid="Taskpane.Url"\/>)(\s*<\/Action>[\s\S]*?<\/VersionOverrides>\s*<\/VersionOverrides>)$/m, "$1<SupportsPinning>true</SupportsPinning>$2"), /SupportsPinning on AppointmentAttendeeCommandSurface/],
  ["elements out of order", xml.replace(/\s*<Permissions>ReadItem<\/Permissions>/, "").replace("<FormSettings>", "<Permissions>ReadItem</Permissions>\n  <FormSettings>"), /<FormSettings> is out of the order the schema requires/],
  ["an unknown element", xml.replace("<Hosts>\n    <Host Name", "<Hostz/>\n  <Hosts>\n    <Host Name"), /unknown top-level elements: Hostz/],
  ["more permission than needed", xml.replace("<Permissions>ReadItem</Permissions>", "<Permissions>ReadWriteMailbox</Permissions>"), /note {2}<Permissions>ReadWriteMailbox<\/Permissions> is more than Next Week needs/],
])("it catches %s", async (name, text, expected) => {
  expect(text).not.toBe(xml);
  const { code, out } = await validate(text, name.replace(/\W+/g, "-"));
  expect(out).toMatch(expected);
  if (name !== "more permission than needed") expect(code).toBe(1);
});
