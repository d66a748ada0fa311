import { DateTime, FixedOffsetZone, IANAZone } from "luxon";
import { cachedZone, INTL_ZONE_FACTS, isIanaZone, useZoneFacts, userZone, type ZoneFacts } from "../../shared/time/cachedZone";

afterEach(() => useZoneFacts(INTL_ZONE_FACTS));

describe("CachedIanaZone reads as luxon's IANAZone of the name", () => {
  const instants = [Date.UTC(2026, 2, 8, 6, 59, 59), Date.UTC(2026, 2, 8, 7), Date.UTC(2026, 10, 1, 5, 30), Date.UTC(2026, 10, 1, 6, 30), Date.UTC(2027, 0, 15, 12)];

  test.each(["America/New_York", "Asia/Kathmandu", "Australia/Lord_Howe", "Africa/Abidjan"])("%s: type, name, offsets, their names and formats, equality", (name) => {
    const mine = cachedZone(name)!;
    const luxon = IANAZone.create(name);
    expect([mine.type, mine.name, mine.isUniversal, mine.isValid]).toEqual([luxon.type, luxon.name, luxon.isUniversal, luxon.isValid]);
    expect(mine.equals(luxon)).toBe(true);
    expect(luxon.equals(mine)).toBe(true);
    expect(mine.equals(IANAZone.create("Europe/Paris"))).toBe(false);
    for (const ts of instants) {
      expect(mine.offset(ts)).toBe(luxon.offset(ts));
      for (const format of ["narrow", "short", "techie"] as const) expect(mine.formatOffset(ts, format)).toBe(luxon.formatOffset(ts, format));
      for (const format of ["short", "long"] as const) expect(mine.offsetName(ts, { format, locale: "en-US" })).toBe(luxon.offsetName(ts, { format, locale: "en-US" }));
      const a = DateTime.fromMillis(ts, { zone: mine });
      const b = DateTime.fromMillis(ts, { zone: luxon });
      expect(a.toISO()).toBe(b.toISO());
      expect(a.toFormat("yyyy-LL-dd HH:mm ZZ ZZZZ")).toBe(b.toFormat("yyyy-LL-dd HH:mm ZZ ZZZZ"));
      expect(a.setZone(luxon)).toBe(a); // the same zone: luxon keeps the DateTime as it is
    }
  });
});

describe("userZone gives the zone luxon makes of a name, IANA ones cached", () => {
  test("an IANA name is the cached zone; luxon's keywords, UTC offsets and unknown names are luxon's own", () => {
    expect(userZone("America/New_York")).toBe(cachedZone("America/New_York"));
    expect(userZone("UTC")).toBe(FixedOffsetZone.utcInstance);
    expect(userZone("gmt")).toBe(FixedOffsetZone.utcInstance);
    expect(userZone("UTC+3").type).toBe("fixed");
    expect(userZone("UTC+3").offset(0)).toBe(180);
    expect(userZone("utc-05:30").offset(0)).toBe(-330);
    expect(userZone("system").type).toBe("system");
    const unknown = userZone("Mars/Olympus_Mons");
    expect([unknown.type, unknown.isValid]).toEqual(["iana", false]);
    expect(DateTime.fromMillis(0, { zone: unknown }).isValid).toBe(false);
  });
});

describe("useZoneFacts", () => {
  test("the zones' names and offsets come from the installed facts, asked once per name and once per hour", () => {
    const asked: string[] = [];
    const fake: ZoneFacts = {
      isZone: (name) => {
        asked.push(`isZone ${name}`);
        return name === "Test/Plus_Two";
      },
      offset: (name, ms) => {
        asked.push(`offset ${name} ${new Date(ms).toISOString()}`);
        return 120;
      },
    };
    useZoneFacts(fake);
    expect(isIanaZone("Test/Plus_Two")).toBe(true);
    expect(isIanaZone("America/New_York")).toBe(false);
    const zone = cachedZone("Test/Plus_Two")!;
    expect(zone.offset(Date.UTC(2026, 11, 1, 10, 15))).toBe(120);
    expect(zone.offset(Date.UTC(2026, 11, 1, 10, 45))).toBe(120);
    expect(DateTime.fromMillis(Date.UTC(2026, 11, 1, 10), { zone: userZone("Test/Plus_Two") }).toISO()).toBe("2026-12-01T12:00:00.000+02:00");
    expect(asked).toEqual(["isZone Test/Plus_Two", "isZone America/New_York", "offset Test/Plus_Two 2026-12-01T10:00:00.000Z", "offset Test/Plus_Two 2026-12-01T11:00:00.000Z"]);
    // Installing facts drops what the earlier ones answered.
    useZoneFacts(INTL_ZONE_FACTS);
    expect(isIanaZone("Test/Plus_Two")).toBe(false);
    expect(isIanaZone("America/New_York")).toBe(true);
  });
});
