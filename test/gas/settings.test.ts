/**
 * The settings card of the built add-on: validated with the core's schema, stored in user
 * properties in pieces that a reader never sees half-written, invalid saves keep the last good
 * settings, and a CRM CSV import with its report.
 */
import { loadSettings, MAX_SETTINGS_BYTES, saveSettings, STORE_BYTES } from "../../addon/gas/settingsStore";
import { parseSettings, storedSettings } from "../../shared";
import { fnv1a } from "../../addon/gas/chunks";
import { FakeCalendar } from "./fakes/calendar";
import { arg, buttons, cardName, descendants, response, section, texts, visible } from "./fakes/cardQuery";
import type { Recorded } from "./fakes/cardService";
import { addOnEvent, buildBundle, loadAddOn, type AddOn } from "./fakes/sandbox";
import { FakeLock, FakeProperties, PROPERTY_STORE_LIMIT, PROPERTY_VALUE_LIMIT } from "./fakes/services";
import { storeSettings } from "./fakes/storedSettings";
import { EVENTS, ME, NOW, SETTINGS } from "./fixtures/knownWeek";

beforeAll(() => {
  buildBundle();
});

const setUp = (stored: unknown | null = SETTINGS) => {
  const calendar = new FakeCalendar(EVENTS);
  const properties = new FakeProperties();
  if (stored !== null) storeSettings(properties, stored);
  return loadAddOn({ now: NOW, calendar, properties, email: ME });
};

/** What the seller would submit: every input's current value (text inputs and the selected item). */
const formOf = (card: Recorded): Record<string, string> => {
  const form: Record<string, string> = {};
  for (const r of descendants(card)) {
    if (r.kind === "TextInput") form[String(arg(r, "setFieldName"))] = String(arg(r, "setValue") ?? "");
    if (r.kind === "SelectionInput") {
      const selected = r.calls.find((c) => c.method === "addItem" && c.args[2] === true);
      form[String(arg(r, "setFieldName"))] = selected ? String(selected.args[1]) : "";
    }
  }
  return form;
};

const openSettings = (addOn: AddOn): Recorded => {
  const res = response(addOn.call("onOpenSettings", addOnEvent({ parameters: { weekOf: "2026-11-30" } })));
  expect(res.navigation).toEqual(["pushCard"]);
  return res.card as Recorded;
};

const submit = (addOn: AddOn, action: string, form: Record<string, string>) =>
  response(addOn.call(action, addOnEvent({ parameters: { weekOf: "2026-11-30" }, form })));

const storedSnapshot = (addOn: AddOn) => new Map(addOn.properties.data);

describe("the settings card", () => {
  test("shows the stored settings in the form", () => {
    const card = openSettings(setUp());
    expect(cardName(card)).toBe("settings");
    const form = formOf(card);
    expect(form.dreamAccounts).toBe("Acme: acme.com");
    expect(form.aListAccounts).toBe("Globex: globex.com");
    expect(form.painAccounts).toBe("Initech: initech.com");
    expect(form.decisionMakers).toBe("cfo@acme.com, Dana Ruiz, CFO\nceo@globex.com, Hank Scorpio, CEO");
    expect(form.workingHours).toBe("Mon–Fri 09:00–17:00");
    expect(form.ownDomains).toBe("example-seller.com");
    expect(form.dreamClientMinutes).toBe("240");
    expect(form.annualTarget).toBe("100000");
    expect(form.weekStartsOn).toBe("1");
    expect(form.timeZone).toBe("");
    expect(form.lookBackWeeks).toBe("8");
    expect(form.salesMeetings).toBe("");
    expect(form.notAccounts).toBe("");
    expect(buttons(card).map((b) => b.action.functionName)).toEqual(expect.arrayContaining(["onSaveSettings", "onImportCsv", "onShowWeek"]));
  });

  test("the universal action opens the same card", () => {
    const addOn = setUp();
    const res = response(addOn.call("onSettingsUniversal", addOnEvent()));
    expect(res.kind).toBe("UniversalActionResponseBuilder");
    expect(cardName(res.card as Recorded)).toBe("settings");
    expect(formOf(res.card as Recorded).dreamAccounts).toBe("Acme: acme.com");
  });

  test("on first run the form starts from the calendar's first weekday and says to start with dream accounts", () => {
    const addOn = setUp(null);
    addOn.calendar.weekStart = "0";
    const card = openSettings(addOn);
    expect(formOf(card).weekStartsOn).toBe("7");
    expect(texts(card).map(visible).join("\n")).toContain("Start with your dream accounts.");
  });
});

describe("saving", () => {
  test("valid settings are stored and the week is shown again with them", () => {
    const addOn = setUp();
    const form = formOf(openSettings(addOn));
    // Globex becomes a dream account: dream-client time is now QBR ∪ follow-up (120) + Globex (60) = 180 min.
    form.dreamAccounts = "Acme: acme.com\nGlobex: globex.com";
    form.aListAccounts = "";
    form.dreamClientMinutes = "180";
    form.lookBackWeeks = "4";
    form.notAccounts = "vendor.example";
    const res = submit(addOn, "onSaveSettings", form);
    expect(res.notification).toBe("Settings saved.");
    expect(res.navigation).toEqual(["popToRoot", "updateCard"]);
    expect(cardName(res.card as Recorded)).toBe("week");
    const score = texts(section(res.card as Recorded, "Score")).map(visible).join("\n");
    expect(score).toContain("3 h of 3 h");
    // And it is what the next homepage reads.
    const again = openSettings(addOn);
    expect(formOf(again).dreamAccounts).toBe("Acme: acme.com\nGlobex: globex.com");
    expect(formOf(again).dreamClientMinutes).toBe("180");
    // The look-back and the domains marked "not an account" survive the form.
    expect(formOf(again).lookBackWeeks).toBe("4");
    expect(formOf(again).notAccounts).toBe("vendor.example");
  });

  test("an invalid value shows the field's message, keeps what was typed and keeps the last good settings", () => {
    const addOn = setUp();
    const before = storedSnapshot(addOn);
    const form = formOf(openSettings(addOn));
    form.painMinutesMax = "-5";
    form.dreamAccounts = "Acme: acme.com\nHooli: hooli.com";
    const res = submit(addOn, "onSaveSettings", form);
    expect(cardName(res.card as Recorded)).toBe("settings");
    expect(res.notification).toBe("Not saved: Pain-account cap — targets.painMinutesMax must be ≥ 0");
    expect(texts(res.card).map(visible).join("\n")).toContain("Not saved. Pain-account cap — targets.painMinutesMax must be ≥ 0");
    expect(formOf(res.card as Recorded).dreamAccounts).toBe("Acme: acme.com\nHooli: hooli.com");
    expect(formOf(res.card as Recorded).painMinutesMax).toBe("-5");
    expect(storedSnapshot(addOn)).toEqual(before);
    expect(formOf(openSettings(addOn)).dreamAccounts).toBe("Acme: acme.com");
  });

  test("a bad domain is pointed at its line", () => {
    const addOn = setUp();
    const form = formOf(openSettings(addOn));
    form.aListAccounts = "Globex: globex.com\nUmbrella: not a domain";
    const res = submit(addOn, "onSaveSettings", form);
    expect(res.notification).toMatch(/^Not saved: A-list accounts, line 2 — accounts\[2\]\.domains\[0\] must be a domain like acme\.com$/);
  });

  test("a line that does not read is reported with its line number", () => {
    const addOn = setUp();
    const form = formOf(openSettings(addOn));
    form.workingHours = "Mon–Fri 09:00–17:00\nSaturdays sometimes";
    const res = submit(addOn, "onSaveSettings", form);
    expect(res.notification).toBe("Not saved: Working hours, line 2: write it as “Mon–Fri 09:00–17:00”.");
  });

  test("a time zone that is not IANA is refused by the schema", () => {
    const addOn = setUp();
    const form = formOf(openSettings(addOn));
    form.timeZone = "Eastern Standard Time";
    const res = submit(addOn, "onSaveSettings", form);
    expect(res.notification).toBe("Not saved: Time zone — timeZone must be an IANA time zone such as America/New_York");
  });
});

describe("storage in the user's properties", () => {
  const manyAccounts = (n: number) => Array.from({ length: n }, (_, i) => `Account ${i} Ünïcødé GmbH: account-${i}.example.com, account-${i}.example.de`).join("\n");

  test("a large account list is split across several values, each under the per-value limit, and reads back whole", () => {
    const addOn = setUp();
    const form = formOf(openSettings(addOn));
    form.dreamAccounts = manyAccounts(600);
    const res = submit(addOn, "onSaveSettings", form);
    expect(res.notification).toBe("Settings saved.");
    const pieces = [...addOn.properties.data.keys()].filter((k) => k.startsWith("nextWeek.settings.g"));
    const current = JSON.parse(addOn.properties.data.get("nextWeek.settings")!) as { gen: number; parts: number };
    expect(current.parts).toBeGreaterThan(5);
    for (const k of pieces) expect(Buffer.byteLength(addOn.properties.data.get(k)!, "utf8")).toBeLessThanOrEqual(PROPERTY_VALUE_LIMIT);
    expect(formOf(openSettings(addOn)).dreamAccounts).toBe(manyAccounts(600));
  });

  test("saving keeps the previous generation for readers in flight and deletes older ones", () => {
    const addOn = setUp();
    for (const n of [300, 310, 320]) {
      const form = formOf(openSettings(addOn));
      form.dreamAccounts = manyAccounts(n);
      expect(submit(addOn, "onSaveSettings", form).notification).toBe("Settings saved.");
    }
    const gens = new Set([...addOn.properties.data.keys()].flatMap((k) => /^nextWeek\.settings\.g(\d+)\./.exec(k)?.[1] ?? []));
    // Stored first as generation 1; three saves made 2, 3, 4: only 3 (previous) and 4 (current) remain.
    expect([...gens].sort()).toEqual(["3", "4"]);
  });

  test("a reader during a save sees the old settings or the new ones, never half of each", () => {
    const addOn = setUp();
    const form = formOf(openSettings(addOn));
    form.dreamAccounts = manyAccounts(400);
    const seen: string[] = [];
    const reader = loadAddOn({ now: NOW, calendar: addOn.calendar, properties: addOn.properties, email: ME });
    addOn.properties.onWrite = () => {
      const card = response(reader.call("onOpenSettings", addOnEvent())).card as Recorded;
      seen.push(cardName(card) === "settings" && !texts(card).join("").includes("need attention") ? formOf(card).dreamAccounts! : "BROKEN");
    };
    submit(addOn, "onSaveSettings", form);
    addOn.properties.onWrite = null;
    expect(seen.length).toBeGreaterThanOrEqual(2);
    for (const s of seen) expect(["Acme: acme.com", manyAccounts(400)]).toContain(s);
    expect(seen[0]).toBe("Acme: acme.com");
    expect(seen[seen.length - 1]).toBe(manyAccounts(400));
  });

  test("settings too large for the store are refused with a message and nothing is written", () => {
    const addOn = setUp();
    const before = storedSnapshot(addOn);
    const form = formOf(openSettings(addOn));
    form.dreamAccounts = manyAccounts(3000);
    const res = submit(addOn, "onSaveSettings", form);
    expect(res.notification).toMatch(/^Not saved: Your settings are too large to save \(\d+ KB; the limit is 240 KB\)\. Remove some accounts or decision-makers\.$/);
    expect(storedSnapshot(addOn)).toEqual(before);
  });

  test("when the store refuses a write, the previous settings stay readable", () => {
    const addOn = setUp();
    const form = formOf(openSettings(addOn));
    form.dreamAccounts = "Hooli: hooli.com";
    const original = addOn.properties.setProperty.bind(addOn.properties);
    addOn.properties.setProperty = () => {
      throw new Error("Service invoked too many times in a short time: properties rateMax.");
    };
    const res = submit(addOn, "onSaveSettings", form);
    addOn.properties.setProperty = original;
    expect(res.notification).toBe("Not saved: Google's storage refused your settings, so they were not saved. Your previous settings are kept.");
    expect(formOf(openSettings(addOn)).dreamAccounts).toBe("Acme: acme.com");
  });
});

describe("loadSettings: the core's StoredSettings", () => {
  const storeWith = (settings: unknown) => {
    const properties = new FakeProperties();
    if (settings !== undefined) storeSettings(properties, settings);
    return properties;
  };
  /** A head and one piece holding `json` as it is (the hash matches, so only the JSON can be wrong). */
  const storeText = (json: string, format = 1) => {
    const properties = new FakeProperties();
    properties.data.set("nextWeek.settings.g1.p0", json);
    properties.data.set("nextWeek.settings", JSON.stringify({ format, gen: 1, parts: 1, hash: fnv1a(json) }));
    return properties;
  };

  test("nothing stored is the first run", () => {
    expect(loadSettings(storeWith(undefined))).toEqual({ kind: "none" });
  });

  test("valid settings read as the core reads the same JSON", () => {
    const loaded = loadSettings(storeWith(SETTINGS));
    expect(loaded).toEqual(storedSettings(JSON.stringify(SETTINGS)));
    expect(loaded.kind).toBe("ok");
  });

  test("a value the schema refuses is the core's invalid result, with what was stored for the form", () => {
    const stored = { ...SETTINGS, targets: { painMinutesMax: -1 } };
    const loaded = loadSettings(storeWith(stored));
    const core = storedSettings(JSON.stringify(stored));
    expect(loaded.kind).toBe("invalid");
    if (loaded.kind !== "invalid" || core.kind !== "invalid") return;
    expect(loaded.error.message).toBe(core.error.message);
    expect(loaded.raw).toEqual(stored);
  });

  test("pieces that join to damaged JSON get the core's message", () => {
    const loaded = loadSettings(storeText('{"version": 1, "accounts": ['));
    const core = storedSettings('{"version": 1, "accounts": [');
    expect(loaded.kind).toBe("invalid");
    if (loaded.kind !== "invalid" || core.kind !== "invalid") return;
    expect(loaded.error.message).toBe(core.error.message);
  });

  test("what only the store can tell keeps its own words: a newer format, a missing piece", () => {
    const newer = loadSettings(storeText(JSON.stringify(SETTINGS), 2));
    expect(newer.kind === "invalid" && newer.error.message).toBe("Your saved settings come from a newer version of Next Week. Save them again here to keep using this version.");
    const properties = storeWith(SETTINGS);
    properties.data.delete("nextWeek.settings.g1.p0");
    const missing = loadSettings(properties);
    expect(missing.kind === "invalid" && missing.error.message).toBe("Your saved settings could not be read completely. Check them and save again.");
  });
});

describe("the store at its limit", () => {
  /** Bytes of the settings as the store saves them (after the schema's defaults). */
  const sizeOf = (input: unknown): number => {
    const parsed = parseSettings(input);
    if (!parsed.ok) throw parsed.error;
    return Buffer.byteLength(JSON.stringify(parsed.value), "utf8");
  };
  const account = (i: number, name: string) => ({ name, domains: [`a${String(i).padStart(5, "0")}.example.com`], tier: "dream" });

  /** Settings whose saved JSON is exactly `target` bytes: full accounts, then one whose name fills the rest. */
  const settingsOfSize = (target: number, tag: string) => {
    const full = (n: number) => Array.from({ length: n }, (_, i) => account(i, `${tag} ${i}`.padEnd(100, "x")));
    const per = sizeOf({ accounts: full(2) }) - sizeOf({ accounts: full(1) });
    const base = sizeOf({ accounts: [] });
    const n = Math.floor((target - base - 70) / per);
    const accounts = full(n);
    const short = sizeOf({ accounts: [...accounts, account(n, "y")] });
    const input = { accounts: [...accounts, account(n, "y".repeat(1 + target - short))] };
    expect(sizeOf(input)).toBe(target);
    return input;
  };

  const gens = (store: FakeProperties) => [...new Set([...store.data.keys()].flatMap((k) => /^nextWeek\.settings\.g(\d+)\./.exec(k)?.[1] ?? []))].sort();

  test("the store's size is the fake's: 500,000 bytes", () => {
    expect(STORE_BYTES).toBe(PROPERTY_STORE_LIMIT);
  });

  test(`settings of exactly ${MAX_SETTINGS_BYTES.toLocaleString("en-US")} bytes save over two stored generations at the limit: the oldest goes first, the store never overflows`, () => {
    const store = new FakeProperties();
    const lock = new FakeLock();
    const inputs = ["first", "second", "third"].map((tag) => settingsOfSize(MAX_SETTINGS_BYTES, tag));
    for (const input of inputs.slice(0, 2)) expect(saveSettings(store, lock, input).ok).toBe(true);
    expect(gens(store)).toEqual(["1", "2"]);

    const third = saveSettings(store, lock, inputs[2]);
    expect(third.ok).toBe(true);
    expect(gens(store)).toEqual(["2", "3"]);
    expect(store.peak).toBeLessThanOrEqual(PROPERTY_STORE_LIMIT);
    for (const value of store.data.values()) expect(Buffer.byteLength(value, "utf8")).toBeLessThanOrEqual(PROPERTY_VALUE_LIMIT);
    const loaded = loadSettings(store);
    expect(loaded.kind === "ok" ? loaded.settings.accounts[0]?.name : loaded.kind).toBe("third 0".padEnd(100, "x"));
  });

  test("one byte more is refused with the limit in the message, and nothing is written", () => {
    const store = new FakeProperties();
    const lock = new FakeLock();
    expect(saveSettings(store, lock, settingsOfSize(MAX_SETTINGS_BYTES, "kept")).ok).toBe(true);
    const before = new Map(store.data);
    const over = saveSettings(store, lock, settingsOfSize(MAX_SETTINGS_BYTES + 1, "over"));
    expect(over.ok ? "saved" : over.error.message).toBe("Your settings are too large to save (241 KB; the limit is 240 KB). Remove some accounts or decision-makers.");
    expect(store.data).toEqual(before);
  });
});

describe("CRM CSV import", () => {
  const csv = [
    "First Name,Last Name,Email,Job Title,Company,Website,Tier",
    "Wendy,Lee,wendy.lee@hooli.com,Chief Revenue Officer,Hooli,https://www.hooli.com,dream",
    "Sam,Park,sam@piedpiper.com,Engineer,Pied Piper,piedpiper.com,a-list",
    "Bad,Row,not-an-email,CEO,Nobody,,",
  ].join("\n");

  test("merges the export into the settings, saves them and shows the report", () => {
    const addOn = setUp();
    const form = formOf(openSettings(addOn));
    form.crmCsv = csv;
    const res = submit(addOn, "onImportCsv", form);
    expect(res.notification).toBe("CSV imported and settings saved.");
    const card = res.card as Recorded;
    const text = texts(card).map(visible).join("\n");
    expect(text).toContain("Read 3 rows: 2 accounts added, 0 updated; 1 decision-makers added, 0 updated.");
    expect(text).toMatch(/Skipped row 4: invalid email "not-an-email"/);
    const saved = formOf(openSettings(addOn));
    expect(saved.dreamAccounts).toContain("Hooli: hooli.com");
    expect(saved.aListAccounts).toContain("Pied Piper: piedpiper.com");
    expect(saved.decisionMakers).toContain("wendy.lee@hooli.com, Wendy Lee, Chief Revenue Officer");
  });

  test("an export that cannot be read changes nothing and says why", () => {
    const addOn = setUp();
    const before = storedSnapshot(addOn);
    const form = formOf(openSettings(addOn));
    form.crmCsv = "Colour,Shape\nred,round";
    const res = submit(addOn, "onImportCsv", form);
    expect(res.notification).toMatch(/^Nothing was imported: /);
    expect(storedSnapshot(addOn)).toEqual(before);
  });

  test("an empty box asks for the export", () => {
    const addOn = setUp();
    const res = submit(addOn, "onImportCsv", formOf(openSettings(addOn)));
    expect(res.notification).toBe("Paste a CSV export into the box first.");
  });
});
