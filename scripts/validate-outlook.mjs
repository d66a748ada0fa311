// `npm run validate:outlook [manifest.xml]`: checks the Outlook add-in-only manifest offline, as
// far as that goes, and says what only Microsoft's online validator checks.
//  1. well-formed XML (xmldom, and xmllint when installed);
//  2. against the published XSDs, when you have them offline (OUTLOOK_MANIFEST_XSD=path/to/MailApp.xsd);
//  3. structure: element order, ids, https URLs, resids, surfaces, pinning, permission, icon sizes, string lengths;
//  4. converted to the unified JSON manifest (office-addin-manifest-converter) and validated against
//     the JSON schema shipped in @microsoft/app-manifest.
// Exit code 1 when anything fails. OUTLOOK_ASSETS_DIR: where the built icons are (default dist/outlook).
import { DOMParser } from "@xmldom/xmldom";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  vo10: "http://schemas.microsoft.com/office/mailappversionoverrides",
  vo11: "http://schemas.microsoft.com/office/mailappversionoverrides/1.1",
};
// The order the MailApp schema (OfficeApp 1.1) gives its top-level elements.
const TOP_ORDER = [
  "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl",
  "SupportUrl", "AppDomains", "Hosts", "Requirements", "FormSettings", "Permissions", "Rule", "DisableEntityHighlighting", "Dictionary", "VersionOverrides",
];
const REQUIRED_TOP = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "Hosts", "FormSettings", "Permissions", "Rule"];
const SURFACES = ["MessageReadCommandSurface", "AppointmentOrganizerCommandSurface", "AppointmentAttendeeCommandSurface"];
const PERMISSIONS = ["Restricted", "ReadItem", "ReadWriteItem", "ReadWriteMailbox"];
export const ONLINE_ONLY = [
  "validation against the exact XSDs Microsoft publishes with each Office release (run with OUTLOOK_MANIFEST_XSD to check offline when you have them)",
  "that every URL answers over a trusted certificate and the icons are the declared sizes when fetched from your host",
  "store (AppSource) policies: description, support and privacy pages, icon artwork, requirement sets each client supports",
  "that the add-in installs in each Outlook client (sideload it: see the README)",
];

const elements = (node) => Array.from(node.childNodes ?? []).filter((n) => n.nodeType === 1);
const local = (el) => el.localName ?? el.nodeName.replace(/^.*:/, "");
const xsiType = (el) => el.getAttributeNS(NS.xsi, "type") || el.getAttribute("xsi:type") || "";
const all = (node, name) => Array.from(node.getElementsByTagNameNS("*", name));

/** PNG width × height from its IHDR, or null. */
const pngSize = (file) => {
  const b = readFileSync(file);
  if (b.length < 24 || b.readUInt32BE(0) !== 0x89504e47) return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
};

/**
 * Validates a manifest file offline. Returns { errors, warnings, passed } (strings).
 * `assetsDir`: where the icons the manifest names are built (dist/outlook), to check their sizes.
 */
export const validateManifest = async (file, { assetsDir = join(root, "dist/outlook"), production = false } = {}) => {
  const errors = [];
  const warnings = [];
  const passed = [];
  const xml = readFileSync(file, "utf8");

  // 1. Well-formed.
  const parseProblems = [];
  let doc = null;
  try {
    doc = new DOMParser({ onError: (level, message) => parseProblems.push(`${level}: ${message}`) }).parseFromString(xml, "text/xml");
  } catch (e) {
    const at = e.locator ? ` (line ${e.locator.lineNumber}, column ${e.locator.columnNumber})` : "";
    parseProblems.push(`${e.message}${at}`);
  }
  if (parseProblems.length > 0 || !doc?.documentElement) {
    errors.push(`not well-formed XML: ${parseProblems.join("; ") || "no root element"}`);
    return { errors, warnings, passed };
  }
  passed.push("well-formed XML");
  try {
    execFileSync("xmllint", ["--noout", file], { stdio: "pipe" });
    passed.push("xmllint agrees it is well-formed");
  } catch (e) {
    if (e.code === "ENOENT") warnings.push("xmllint is not installed (Debian: libxml2-utils); well-formedness was checked by xmldom only");
    else errors.push(`xmllint: ${String(e.stderr ?? e.message).trim()}`);
  }

  // 2. XSD, when available offline.
  const xsd = process.env.OUTLOOK_MANIFEST_XSD;
  if (xsd && existsSync(xsd)) {
    try {
      execFileSync("xmllint", ["--noout", "--schema", xsd, file], { stdio: "pipe" });
      passed.push(`valid against ${xsd}`);
    } catch (e) {
      errors.push(`XSD: ${String(e.stderr ?? e.message).trim()}`);
    }
  } else {
    warnings.push("XSD validation skipped: no package ships Microsoft's manifest XSDs offline (set OUTLOOK_MANIFEST_XSD to use yours)");
  }

  // 3. Structure.
  const app = doc.documentElement;
  if (local(app) !== "OfficeApp" || app.namespaceURI !== NS.app) errors.push(`root must be OfficeApp in ${NS.app}`);
  if (xsiType(app) !== "MailApp") errors.push(`OfficeApp xsi:type must be MailApp (an Outlook add-in), got "${xsiType(app)}"`);
  const top = elements(app).map(local);
  for (const name of REQUIRED_TOP) if (!top.includes(name)) errors.push(`missing required <${name}>`);
  const positions = top.map((n) => TOP_ORDER.indexOf(n));
  const unknown = top.filter((n) => !TOP_ORDER.includes(n));
  if (unknown.length) errors.push(`unknown top-level elements: ${unknown.join(", ")}`);
  const outOfOrder = top.find((n, i) => i > 0 && positions[i] !== -1 && positions[i] < positions[i - 1]);
  if (outOfOrder) errors.push(`<${outOfOrder}> is out of the order the schema requires (${TOP_ORDER.join(", ")})`);
  else passed.push("top-level elements present and in schema order");

  const child = (name) => elements(app).find((e) => local(e) === name);
  const text = (name) => child(name)?.textContent?.trim() ?? "";
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text("Id"))) errors.push(`<Id> must be a GUID, got "${text("Id")}"`);
  if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(text("Version"))) errors.push(`<Version> must look like 1.0.0.0, got "${text("Version")}"`);
  const displayName = child("DisplayName")?.getAttribute("DefaultValue") ?? "";
  const description = child("Description")?.getAttribute("DefaultValue") ?? "";
  if (!displayName || displayName.length > 125) errors.push("<DisplayName> DefaultValue must be 1–125 characters");
  if (!description || description.length > 250) errors.push("<Description> DefaultValue must be 1–250 characters");

  const permission = text("Permissions");
  if (!PERMISSIONS.includes(permission)) errors.push(`<Permissions> must be one of ${PERMISSIONS.join(", ")}, got "${permission}"`);
  else if (PERMISSIONS.indexOf(permission) > 1) warnings.push(`<Permissions>${permission}</Permissions> is more than Next Week needs (ReadItem)`);
  else passed.push(`permission ${permission}`);

  const mailboxSet = all(child("Requirements") ?? app, "Set").find((s) => s.getAttribute("Name") === "Mailbox");
  if (!mailboxSet) errors.push("<Requirements> must name the Mailbox requirement set");
  else passed.push(`requires Mailbox ${mailboxSet.getAttribute("MinVersion") ?? "(default)"}`);

  const forms = all(child("FormSettings") ?? app, "Form").map(xsiType);
  for (const form of ["ItemRead", "ItemEdit"]) if (!forms.includes(form)) errors.push(`<FormSettings> has no ${form} form (reading and composing appointments need both)`);

  // URLs: every DefaultValue that is a URL, SourceLocation, AppDomain.
  const urls = [];
  for (const el of all(app, "*")) {
    const v = el.getAttribute?.("DefaultValue");
    if (v && /^[a-z]+:\/\//i.test(v)) urls.push({ where: local(el), url: v });
  }
  for (const el of all(app, "AppDomain")) urls.push({ where: "AppDomain", url: el.textContent.trim() });
  const insecure = urls.filter((u) => !u.url.startsWith("https://"));
  if (insecure.length) errors.push(`URLs must be https: ${insecure.map((u) => `${u.where} ${u.url}`).join(", ")}`);
  else passed.push(`${urls.length} URLs, all https`);
  const isLocal = (u) => {
    try {
      return /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)$/i.test(new URL(u.url).hostname) || new URL(u.url).hostname.endsWith(".localhost");
    } catch {
      return false;
    }
  };
  const localUrls = urls.filter(isLocal);
  if (localUrls.length && production) errors.push(`a production manifest must not point at this machine: ${localUrls.slice(0, 3).map((u) => `${u.where} ${u.url}`).join(", ")}${localUrls.length > 3 ? ` (and ${localUrls.length - 3} more)` : ""}; build with OUTLOOK_BASE_URL=https://your.host`);
  else if (localUrls.length) warnings.push(`development manifest: ${localUrls.length} URLs point at localhost (fine for sideloading; a production build replaces them with OUTLOOK_BASE_URL)`);
  else if (production) passed.push("no URL points at localhost");
  const origins = new Set(urls.filter((u) => u.where !== "AppDomain").map((u) => new URL(u.url).origin));
  if (origins.size > 1) warnings.push(`URLs point at more than one host: ${[...origins].join(", ")}`);

  // Icons: declared sizes against the built PNGs.
  const iconChecks = [];
  const declared = [
    ...["IconUrl", "HighResolutionIconUrl"].map((n) => ({ url: child(n)?.getAttribute("DefaultValue"), size: n === "IconUrl" ? 64 : 128 })),
  ];
  for (const vo of all(app, "VersionOverrides")) {
    const images = new Map(all(vo, "Image").filter((i) => i.getAttribute("id")).map((i) => [i.getAttribute("id"), i.getAttribute("DefaultValue")]));
    for (const ref of all(vo, "Image").filter((i) => i.getAttribute("resid"))) declared.push({ url: images.get(ref.getAttribute("resid")), size: Number(ref.getAttribute("size")) });
  }
  const seen = new Set();
  for (const { url, size } of declared) {
    if (!url || seen.has(`${url} ${size}`)) continue;
    seen.add(`${url} ${size}`);
    let path;
    try {
      path = join(assetsDir, new URL(url).pathname);
    } catch {
      continue;
    }
    if (!existsSync(path)) {
      warnings.push(`icon ${url} not built yet (run npm run build) — size not checked`);
      continue;
    }
    const s = pngSize(path);
    if (!s || s.width !== size || s.height !== size) errors.push(`icon ${url} must be a ${size}×${size} PNG, is ${s ? `${s.width}×${s.height}` : "not a PNG"}`);
    else iconChecks.push(size);
  }
  if (iconChecks.length) passed.push(`icons are PNGs of their declared sizes (${[...new Set(iconChecks)].join(", ")})`);

  // VersionOverrides: surfaces, resids, ids, pinning, strings.
  const overrides = all(app, "VersionOverrides");
  if (overrides.length === 0) errors.push("no <VersionOverrides>: Outlook shows no button to open the task pane");
  for (const vo of overrides) {
    const kind = xsiType(vo);
    const own = (name) => all(vo, name).filter((e) => {
      let p = e.parentNode;
      while (p && local(p) !== "VersionOverrides") p = p.parentNode;
      return p === vo;
    });
    const resources = own("Resources")[0];
    if (!resources) {
      errors.push(`${kind}: no <Resources>`);
      continue;
    }
    const ids = new Map();
    for (const r of all(resources, "*").filter((e) => e.getAttribute("id"))) {
      const id = r.getAttribute("id");
      if (ids.has(id)) errors.push(`${kind}: resource id "${id}" is defined twice`);
      if (id.length > 32) errors.push(`${kind}: resource id "${id}" is longer than 32 characters`);
      ids.set(id, r);
      const value = r.getAttribute("DefaultValue") ?? "";
      const parent = local(r.parentNode);
      if (parent === "ShortStrings" && value.length > 125) errors.push(`${kind}: short string "${id}" is longer than 125 characters`);
      if (parent === "LongStrings" && value.length > 250) errors.push(`${kind}: long string "${id}" is longer than 250 characters`);
    }
    const resids = own("*").filter((e) => e.getAttribute("resid"));
    const missing = resids.map((e) => e.getAttribute("resid")).filter((r) => !ids.has(r));
    if (missing.length) errors.push(`${kind}: resid not defined in its <Resources>: ${[...new Set(missing)].join(", ")}`);
    const controlIds = own("*").filter((e) => ["Group", "Control", "OfficeTab", "CustomTab"].includes(local(e))).map((e) => e.getAttribute("id"));
    const dup = controlIds.filter((id, i) => controlIds.indexOf(id) !== i && !["TabDefault"].includes(id));
    if (dup.length) errors.push(`${kind}: ids used twice: ${[...new Set(dup)].join(", ")}`);
    if (own("FunctionFile").length === 0) errors.push(`${kind}: <DesktopFormFactor> needs a <FunctionFile>`);
    const points = own("ExtensionPoint").map(xsiType);
    for (const s of SURFACES) if (!points.includes(s)) errors.push(`${kind}: no ${s} (the task pane must open there)`);
    for (const point of own("ExtensionPoint")) {
      const actions = all(point, "Action").filter((a) => xsiType(a) === "ShowTaskpane");
      if (actions.length === 0) errors.push(`${kind}: ${xsiType(point)} has no ShowTaskpane button`);
      for (const a of actions) {
        const pin = all(a, "SupportsPinning")[0];
        if (!pin) continue;
        if (kind !== "VersionOverridesV1_1") errors.push(`${kind}: SupportsPinning is only allowed in VersionOverrides 1.1`);
        if (xsiType(point) !== "MessageReadCommandSurface") errors.push(`${kind}: SupportsPinning on ${xsiType(point)} (Outlook supports pinning on message read only)`);
      }
      for (const icon of all(point, "Icon")) {
        const sizes = all(icon, "Image").map((i) => i.getAttribute("size"));
        for (const s of ["16", "32", "80"]) if (!sizes.includes(s)) errors.push(`${kind}: a button icon lacks size ${s}`);
      }
    }
    const pinned = own("SupportsPinning").length > 0;
    if (kind === "VersionOverridesV1_1") {
      const set = own("Set").find((s) => s.getAttribute("Name") === "Mailbox");
      const min = set?.getAttribute("MinVersion") ?? own("Sets")[0]?.getAttribute("DefaultMinVersion") ?? "";
      if (pinned && Number(min) < 1.5) errors.push(`${kind}: SupportsPinning needs Mailbox 1.5 in its requirements, has "${min}"`);
    }
    passed.push(`${kind}: ${points.length} surfaces, resids resolve, ids unique${pinned ? ", pinnable on message read" : ""}`);
  }

  // 4. Unified JSON manifest + its JSON schema.
  const out = mkdtempSync(join(tmpdir(), "nw-manifest-"));
  try {
    const { convert } = require("office-addin-manifest-converter");
    const log = console.log;
    console.log = () => {};
    try {
      await convert(file, out, false, null, null, false);
    } finally {
      console.log = log;
    }
    const json = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    const version = /\/(v[\w.]+)\/MicrosoftTeams\.schema\.json/.exec(json.$schema ?? "")?.[1];
    const schemaFile = require.resolve(`@microsoft/app-manifest/package.json`).replace(/package\.json$/, `build/json-schemas/teams/${version}/MicrosoftTeams.schema.json`);
    if (!version || !existsSync(schemaFile)) {
      warnings.push(`converted manifest names schema ${json.$schema}, which @microsoft/app-manifest does not ship; JSON schema check skipped`);
    } else {
      const Ajv = require("ajv-draft-04");
      const addFormats = require("ajv-formats");
      const ajv = new Ajv({ strict: false, allErrors: true });
      addFormats(ajv);
      const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, "utf8")));
      if (validate(json)) passed.push(`converts to a unified JSON manifest valid against the ${version} schema`);
      else errors.push(`converted JSON manifest fails the ${version} schema: ${validate.errors.slice(0, 5).map((e) => `${e.instancePath || "/"} ${e.message}`).join("; ")}`);
    }
  } catch (e) {
    errors.push(`could not convert to the unified JSON manifest: ${e.message}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return { errors, warnings, passed };
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // Production (--production or NODE_ENV=production): the built manifest, and localhost is an error.
  const production = process.argv.includes("--production") || process.env.NODE_ENV === "production";
  const file = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? join(root, production ? "dist/outlook/manifest.xml" : "manifest/manifest.xml");
  const { errors, warnings, passed } = await validateManifest(file, { production, ...(process.env.OUTLOOK_ASSETS_DIR ? { assetsDir: process.env.OUTLOOK_ASSETS_DIR } : {}) });
  console.log(`validate:outlook ${file}${production ? " (production)" : ""}`);
  for (const p of passed) console.log(`  ok    ${p}`);
  for (const w of warnings) console.log(`  note  ${w}`);
  for (const e of errors) console.log(`  FAIL  ${e}`);
  console.log("  Only Microsoft's online validator (`npx office-addin-manifest validate manifest/manifest.xml`, which uploads the file) checks:");
  for (const o of ONLINE_ONLY) console.log(`    - ${o}`);
  console.log(errors.length ? `validate:outlook: ${errors.length} problem(s)` : "validate:outlook: the manifest passes every offline check");
  process.exitCode = errors.length ? 1 : 0;
}
