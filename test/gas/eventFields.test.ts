/**
 * The read asks Google only for the fields the core reads (`EVENT_LIST_FIELDS`): the list covers
 * the core's schema of a Calendar v3 event, and the homepage is the same card whether the fake
 * Calendar trims its answer to those fields (as Google does) or sends every field.
 */
import { EVENT_LIST_FIELDS } from "../../addon/gas/eventFields";
import { googleEventSchema } from "../../shared/normalize/google";
import { FakeCalendar, type FakeEvent } from "./fakes/calendar";
import { parseFields, projectFields, type FieldTree } from "./fakes/fieldMask";
import { addOnEvent, buildBundle, loadAddOn } from "./fakes/sandbox";
import { FakeProperties } from "./fakes/services";
import { storeSettings } from "./fakes/storedSettings";
import { busyWeek } from "./fixtures/busyWeek";
import { EVENTS, ME, NOW, SETTINGS } from "./fixtures/knownWeek";

beforeAll(() => {
  buildBundle();
});

interface ZodDef {
  readonly type: string;
  readonly shape?: Record<string, { _zod: { def: ZodDef } }>;
  readonly innerType?: { _zod: { def: ZodDef } };
  readonly element?: { _zod: { def: ZodDef } };
}

/** Every path the schema reads, e.g. "attendees.email", "extendedProperties.private.nextWeekBlock". */
const schemaPaths = (def: ZodDef, prefix = ""): string[] => {
  if (def.innerType) return schemaPaths(def.innerType._zod.def, prefix);
  if (def.element) return schemaPaths(def.element._zod.def, prefix);
  if (def.type === "object" && def.shape) return Object.entries(def.shape).flatMap(([key, sub]) => schemaPaths(sub._zod.def, prefix ? `${prefix}.${key}` : key));
  return [prefix];
};

/** Whether the mask keeps a path (a whole field keeps everything under it). */
const keeps = (tree: FieldTree, path: string): boolean => {
  let node: FieldTree | true = tree;
  for (const key of path.split(".")) {
    if (node === true) return true;
    const next: FieldTree | true | undefined = node.get(key);
    if (next === undefined) return false;
    node = next;
  }
  return true;
};

describe("the fields asked of Events.list", () => {
  test("the fake's mask reading: lists element by element, a/b, nested brackets", () => {
    const tree = parseFields("nextPageToken,items(id,attendees(email),extendedProperties/private)");
    const page = { kind: "calendar#events", nextPageToken: "t", items: [{ id: "a", summary: "x", attendees: [{ email: "e@x.com", self: true }], extendedProperties: { private: { k: "v" }, shared: { s: "1" } } }] };
    expect(projectFields(page, tree)).toEqual({ nextPageToken: "t", items: [{ id: "a", attendees: [{ email: "e@x.com" }], extendedProperties: { private: { k: "v" } } }] });
  });

  test("cover every field of the core's Calendar v3 event schema, and the page token", () => {
    const tree = parseFields(EVENT_LIST_FIELDS);
    expect(tree.get("nextPageToken")).toBe(true);
    const items = tree.get("items");
    expect(items).toBeInstanceOf(Map);
    const paths = schemaPaths((googleEventSchema() as unknown as { _zod: { def: ZodDef } })._zod.def);
    expect(paths).toContain("attendees.responseStatus");
    expect(paths.filter((p) => !keeps(items as FieldTree, p))).toEqual([]);
  });

  const card = (events: readonly FakeEvent[], honorFields: boolean) => {
    const calendar = new FakeCalendar(events.map((e) => ({ ...e, description: "<b>Agenda</b> ".repeat(20), htmlLink: "https://calendar.google.com/event?eid=x", reminders: { useDefault: true } })));
    calendar.honorFields = honorFields;
    const properties = new FakeProperties();
    storeSettings(properties, SETTINGS);
    const addOn = loadAddOn({ now: NOW, calendar, properties, email: ME });
    return JSON.stringify(addOn.call("onHomepage", addOnEvent()));
  };

  test("the homepage is the same card from the trimmed answer as from every field", () => {
    expect(card(EVENTS, true)).toBe(card(EVENTS, false));
    expect(card(busyWeek(300), true)).toBe(card(busyWeek(300), false));
  });
});
