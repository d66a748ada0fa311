import fc from "fast-check";
import { getDomain } from "tldts-icann";
import { DateTime } from "luxon";
import { normalizeGoogleEvents } from "../../shared/normalize/google";
import { planWeek } from "../../shared/plan/planWeek";
import { measuresJson } from "../../shared/plan/measuresJson";
import { compactRegistrableDomain } from "../../shared/plan/registrableDomain";
import { FREE_MAIL } from "../../shared/plan/freeMail";
import { FREE_MAIL_DOMAINS } from "../../shared/import/csvImportValues";
import { parseSettings, type SettingsInput } from "../../shared/settings/settings";
import { ME, NY, attendee, gEvent } from "./build";

// The week: Mon 30 Nov – Mon 7 Dec 2026, New York; the look-back starts Mon 5 Oct 2026.
const NOW = DateTime.fromISO("2026-11-23T12:00:00-05:00", { setZone: true });
const suggest = (items: unknown[], input: SettingsInput = NY, registrableDomain = getDomain) => {
  const settings = parseSettings(input);
  if (!settings.ok) throw settings.error;
  const events = normalizeGoogleEvents(items, { zone: "America/New_York", me: ME });
  if (!events.ok) throw events.error;
  return measuresJson(planWeek({ events: events.value, settings: settings.value, zone: "America/New_York", now: NOW, me: ME, registrableDomain })).suggestedAccounts;
};
const meet = (start: string, minutes: number, ...emails: string[]) => {
  const at = DateTime.fromISO(start, { setZone: true });
  return gEvent(at.toISO()!, at.plus({ minutes }).toISO()!, { attendees: [attendee(ME, { self: true }), ...emails.map((e) => attendee(e))] });
};

describe("suggested accounts (spec §3b suggestedAccounts)", () => {
  test("subdomains group under the registrable domain by the public suffix list: eu.acme.co.uk is acme.co.uk", () => {
    const s = suggest([meet("2026-11-10T10:00:00-05:00", 60, "kim@eu.acme.co.uk"), meet("2026-12-01T10:00:00-05:00", 30, "lee@acme.co.uk", "kim@eu.acme.co.uk")]);
    expect(s).toEqual([{ domain: "acme.co.uk", minutes: 90, meetings: 2, contacts: 2 }]);
  });

  test("free mail, calendar-system addresses, own domains and accounts already named are never suggested", () => {
    const s = suggest([
      meet("2026-11-10T10:00:00-05:00", 60, "friend@gmail.com", "someone@googlemail.com", "x@outlook.com", "y@ymail.com"),
      gEvent("2026-11-11T10:00:00-05:00", "2026-11-11T11:00:00-05:00", { attendees: [attendee(ME, { self: true }), attendee("c_1234@group.calendar.google.com"), attendee("unknownorganizer@calendar.google.com")], organizer: { email: "c_99@import.calendar.google.com" } }),
      meet("2026-11-12T10:00:00-05:00", 60, "pat@seller.com", "lee@acme.com", "ops@umbrella.com", "bob@eu.initech.com"),
    ]);
    expect(s).toEqual([]);
  });

  test("ranked by union minutes, then meetings, then domain; at most 10; contacts are distinct addresses", () => {
    const items = [
      meet("2026-11-10T10:00:00-05:00", 60, "a@globex.io"),
      meet("2026-11-10T10:30:00-05:00", 60, "b@globex.io"),
      ...Array.from({ length: 11 }, (_, i) => meet(`2026-11-${String(11 + (i % 5)).padStart(2, "0")}T${String(9 + Math.floor(i / 5)).padStart(2, "0")}:00:00-05:00`, 30, `p@co${String(i).padStart(2, "0")}.com`)),
      meet("2026-11-20T10:00:00-05:00", 30, "p@co05.com"),
      meet("2026-11-20T11:00:00-05:00", 30, "q@co07.com"),
    ];
    const s = suggest(items);
    expect(s).toHaveLength(10);
    expect(s[0]).toEqual({ domain: "globex.io", minutes: 90, meetings: 2, contacts: 2 });
    expect(s.slice(1, 3).map((x) => [x.domain, x.minutes, x.meetings])).toEqual([
      ["co05.com", 60, 2],
      ["co07.com", 60, 2],
    ]);
    expect(s.slice(3).map((x) => x.domain)).toEqual(["co00.com", "co01.com", "co02.com", "co03.com", "co04.com", "co06.com", "co08.com"]);
  });

  test("a domain the user said is not an account is never suggested again", () => {
    expect(suggest([meet("2026-11-10T10:00:00-05:00", 60, "a@globex.io")], { ...NY, notAccounts: ["globex.io"] })).toEqual([]);
  });

  test("without the public suffix list the compact rule still groups common country second levels", () => {
    expect(compactRegistrableDomain("eu.acme.co.uk")).toBe("acme.co.uk");
    expect(compactRegistrableDomain("sales.globex.com.au")).toBe("globex.com.au");
    expect(compactRegistrableDomain("mail.globex.io")).toBe("globex.io");
    expect(suggest([meet("2026-11-10T10:00:00-05:00", 60, "kim@eu.acme.co.uk")], NY, compactRegistrableDomain)).toEqual([{ domain: "acme.co.uk", minutes: 60, meetings: 1, contacts: 1 }]);
  });
});

test("every free-mail domain the CRM import knows is free mail for suggestions too", () => {
  for (const domain of FREE_MAIL_DOMAINS) expect(FREE_MAIL.has(domain)).toBe(true);
});

describe("property: suggestions never include own, free-mail or already-matched domains", () => {
  const domains = ["seller.com", "eu.seller.com", "acme.com", "eu.acme.com", "initech.com", "umbrella.com", "gmail.com", "yahoo.com", "globex.io", "hooli.co.uk", "x.hooli.co.uk", "newco.de"];
  test("for any week of meetings", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 60 * 24 }), fc.subarray(domains, { minLength: 1, maxLength: 4 })), { maxLength: 30 }), (specs) => {
        const items = specs.map(([hour, ds], i) => meet(new Date(Date.UTC(2026, 9, 5, 4) + hour * 3_600_000).toISOString(), 45, ...ds.map((d) => `p${i}@${d}`)));
        for (const s of suggest(items)) {
          expect(s.domain).not.toMatch(/(^|\.)(seller\.com|acme\.com|initech\.com|umbrella\.com)$/);
          expect(FREE_MAIL.has(s.domain)).toBe(false);
          expect(s.minutes).toBeGreaterThan(0);
          expect(s.contacts).toBeGreaterThan(0);
        }
      }),
      { numRuns: 60 },
    );
  });
});
