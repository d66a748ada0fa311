/**
 * The pure parts of the add-on, on their sources: splitting values for the property store,
 * escaping, text bars, and the settings form's text formats.
 */
import fc from "fast-check";
import { fnv1a, splitUtf8, utf8Length } from "../../addon/gas/chunks";
import { bold, escapeHtml } from "../../addon/gas/escape";
import { cappedLines } from "../../addon/gas/cardParts";
import { calendarText } from "../../addon/gas/cardText";
import { formToSettings, locateMessage, settingsToForm } from "../../addon/gas/settingsForm";
import { textBar } from "../../shared/view/format";
import { hoursLine, parseHoursLine } from "../../addon/gas/workingHoursText";
import { parseSettings } from "../../shared/settings/settings";
import { SETTINGS } from "./fixtures/knownWeek";

describe("splitUtf8", () => {
  test("pieces join back to the text, each within the byte limit, never splitting a character", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), fc.integer({ min: 4, max: 64 }), (text, max) => {
        const pieces = splitUtf8(text, max);
        expect(pieces.join("")).toBe(text);
        for (const p of pieces) {
          expect(Buffer.byteLength(p, "utf8")).toBeLessThanOrEqual(max);
          // No lone surrogate at a cut.
          expect(p).toBe(Buffer.from(p, "utf8").toString("utf8"));
        }
      }),
    );
  });

  test("counts bytes as UTF-8 does", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => expect(utf8Length(text)).toBe(Buffer.byteLength(text, "utf8"))));
  });

  test("a euro sign is three bytes", () => {
    expect(splitUtf8("ab€", 4)).toEqual(["ab", "€"]);
    expect(() => splitUtf8("ab", 3)).toThrow(RangeError);
    expect(splitUtf8("", 10)).toEqual([""]);
  });
});

describe("fnv1a", () => {
  test("known values and sensitivity to one changed character", () => {
    expect(fnv1a("")).toBe("811c9dc5");
    expect(fnv1a("a")).toBe("e40c292c");
    expect(fnv1a('{"a":1}')).not.toBe(fnv1a('{"a":2}'));
  });
});

describe("escaping", () => {
  test("&, < and > are escaped; quotes stay (user text never sits in an attribute)", () => {
    expect(escapeHtml(`<a href="x">Q&A</a>`)).toBe(`&lt;a href="x"&gt;Q&amp;A&lt;/a&gt;`);
    expect(bold("<i>")).toBe("<b>&lt;i&gt;</b>");
  });

  test("a long title is cut before escaping, so an entity is never cut in half", () => {
    const title = `${"x".repeat(98)}&<>`;
    expect(calendarText(title)).toBe(`${"x".repeat(98)}&amp;…`);
    expect(calendarText("   ")).toBe("(no title)");
  });

  test("long lists count what was left out", () => {
    expect(cappedLines(["a", "b", "c"], 2, (x) => x.toUpperCase())).toEqual(["A", "B", "… +1"]);
    expect(cappedLines(["a", "b"], 2, (x) => x)).toEqual(["a", "b"]);
    // A list that holds only the first of more (a breakdown row lists its first 50 meetings of 60).
    expect(cappedLines(["a", "b", "c"], 2, (x) => x, 60)).toEqual(["a", "b", "… +58"]);
    expect(cappedLines(["a", "b"], 5, (x) => x, 7)).toEqual(["a", "b", "… +5"]);
  });
});

describe("textBar", () => {
  test("fills in proportion, never empty for a little and never full for almost all", () => {
    expect(textBar(0)).toBe("░".repeat(12));
    expect(textBar(1)).toBe("█".repeat(12));
    expect(textBar(0.5)).toBe("█".repeat(6) + "░".repeat(6));
    expect(textBar(0.001)).toBe("█" + "░".repeat(11));
    expect(textBar(0.999)).toBe("█".repeat(11) + "░");
    expect(textBar(7)).toBe("█".repeat(12));
    expect(textBar(Number.NaN)).toBe("░".repeat(12));
  });
});

describe("working hours as text", () => {
  test("reads the ways people write them", () => {
    expect(parseHoursLine("Mon-Fri 9:00-17:30")).toEqual({ days: [1, 2, 3, 4, 5], start: "09:00", end: "17:30" });
    expect(parseHoursLine("Mon–Fri 09:00–17:00")).toEqual({ days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" });
    expect(parseHoursLine("tuesday, thu 08:00 - 12:00")).toEqual({ days: [2, 4], start: "08:00", end: "12:00" });
    expect(parseHoursLine("Sat-Mon 10:00-14:00")).toEqual({ days: [1, 6, 7], start: "10:00", end: "14:00" });
    expect(parseHoursLine("T 09:00-10:00")).toBeNull();
    expect(parseHoursLine("Weekdays 9-5")).toBeNull();
  });

  test("a rule written and read back is the same rule", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1 }), fc.integer({ min: 0, max: 22 }), (days, h) => {
        const rule = { days: [...days].sort((a, b) => a - b), start: `${String(h).padStart(2, "0")}:00`, end: `${String(h + 1).padStart(2, "0")}:30` };
        expect(parseHoursLine(hoursLine(rule))).toEqual(rule);
      }),
    );
  });
});

describe("the settings form", () => {
  test("account names with a colon and decision-maker names with a comma survive the form unchanged", () => {
    const parsed = parseSettings({
      accounts: [{ name: "Acme: EMEA", domains: ["acme.com", "acme.co.uk"], tier: "dream" }],
      decisionMakers: [{ email: "dana@acme.com", name: "Ruiz, Dana", title: "CFO, EMEA" }, { email: "lee@acme.com", name: 'Lee "LJ" Park', title: "" }],
    });
    if (!parsed.ok) throw parsed.error;
    const text = settingsToForm(parsed.value);
    expect(text.dreamAccounts).toBe("Acme: EMEA: acme.com, acme.co.uk");
    expect(text.decisionMakers).toBe('dana@acme.com, "Ruiz, Dana", CFO, EMEA\nlee@acme.com, "Lee ""LJ"" Park"');
    const form = formToSettings(text);
    if (!form.ok) throw form.error;
    const again = parseSettings(form.value.input);
    if (!again.ok) throw again.error;
    expect(again.value.accounts).toEqual(parsed.value.accounts);
    expect(again.value.decisionMakers).toEqual(parsed.value.decisionMakers);
  });

  test("settings shown in the form and saved back are the same settings", () => {
    const parsed = parseSettings({ ...SETTINGS, timeZone: "Europe/Berlin", workingHours: [{ days: [1, 2, 3, 4], start: "08:30", end: "16:00" }, { days: [5], start: "08:30", end: "12:00" }] });
    if (!parsed.ok) throw parsed.error;
    const form = formToSettings(settingsToForm(parsed.value));
    if (!form.ok) throw form.error;
    const again = parseSettings(form.value.input);
    if (!again.ok) throw again.error;
    expect(again.value).toEqual(parsed.value);
  });

  test("percentages and thousands separators are read as people type them", () => {
    const form = formToSettings({ winRate: "50%", meetingToOpportunity: "20 %", annualTarget: "1,000,000", averageDeal: "$25,000" });
    if (!form.ok) throw form.error;
    expect(form.value.input.pipeline).toEqual({ annualTarget: 1000000, averageDeal: 25000, winRate: 0.5, meetingToOpportunity: 0.2 });
  });

  test("numbers are read with the core's formNumber: thousands commas, a decimal comma, percent only where a fraction is asked", () => {
    const form = formToSettings({ salesMeetings: "1,000", sellingWeeks: "46", winRate: "0,5", meetingToOpportunity: "0.25", blankSpotMinMinutes: " 30 " });
    if (!form.ok) throw form.error;
    expect(form.value.input.targets).toEqual({ salesMeetings: 1000 });
    expect(form.value.input.pipeline).toEqual({ sellingWeeks: 46, winRate: 0.5, meetingToOpportunity: 0.25 });
    expect(form.value.input.blankSpotMinMinutes).toBe(30);
    const percentElsewhere = formToSettings({ salesMeetings: "50%", annualTarget: "1,00,0" });
    if (!percentElsewhere.ok) throw percentElsewhere.error;
    expect((percentElsewhere.value.input.targets as Record<string, number>).salesMeetings).toBeNaN();
    expect((percentElsewhere.value.input.pipeline as Record<string, number>).annualTarget).toBeNaN();
  });

  test("a schema message is pointed at the form line it came from", () => {
    const form = formToSettings({ dreamAccounts: "Acme: acme.com", painAccounts: "\n\nInitech: initech" });
    if (!form.ok) throw form.error;
    const parsed = parseSettings(form.value.input);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(locateMessage(parsed.error.message, form.value.origin)).toBe("Pain accounts, line 3 — accounts[1].domains[0] must be a domain like acme.com");
  });

  test("stored values of the wrong type still show in the form without throwing", () => {
    const form = settingsToForm({ accounts: "nope", targets: { painMinutesMax: -1 }, workingHours: [{ days: "x" }], decisionMakers: [null] });
    expect(form.painMinutesMax).toBe("-1");
    expect(form.dreamAccounts).toBe("");
  });
});
