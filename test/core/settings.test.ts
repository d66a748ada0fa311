import { parseSettings, defaultSettings, weeklyMeetings } from "../../shared/settings/settings";
import { nearestKey, salesMeetingsTarget } from "../../shared/settings/settings";
import { resolveZone } from "../../shared/time/zone";

describe("settings", () => {
  test("{} is valid and gets the documented defaults", () => {
    const s = defaultSettings();
    expect(s.version).toBe(1);
    expect(s.timeZone).toBeUndefined();
    expect(s.weekStartsOn).toBe(1);
    expect(s.workingHours).toEqual([{ days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" }]);
    expect(s.targets).toEqual({ dreamClientMinutes: 240, decisionMakerMeetings: 3, prospectingMinutes: 120, painMinutesMax: 180 });
    expect(s.pipeline).toBeUndefined();
    expect(s.blankSpotMinMinutes).toBe(60);
    expect(s.prospectingBlockMinutes).toBe(90);
  });

  test("a partial pipeline is completed from the seed example", () => {
    const r = parseSettings({ pipeline: { annualTarget: 200000 } });
    expect(r.ok && r.value.pipeline).toEqual({ annualTarget: 200000, averageDeal: 10000, winRate: 0.5, meetingToOpportunity: 0.2, sellingWeeks: 46 });
  });

  test("domains and decision-maker emails are normalized to lower case", () => {
    const r = parseSettings({ accounts: [{ name: "Acme", domains: ["ACME.com"], tier: "dream" }], decisionMakers: [{ email: "CFO@Acme.com" }] });
    expect(r.ok && r.value.accounts[0]?.domains).toEqual(["acme.com"]);
    expect(r.ok && r.value.decisionMakers[0]).toEqual({ email: "cfo@acme.com", name: "", title: "" });
  });

  test.each([
    [{ targets: { painMinutesMax: -1 } }, "targets.painMinutesMax must be ≥ 0"],
    [{ timeZone: "Mars/Olympus" }, "timeZone must be an IANA time zone such as America/New_York"],
    [{ weekStartsOn: 0 }, "weekStartsOn must be 1 (Monday) to 7 (Sunday)"],
    [{ weekStartsOn: "monday" }, "weekStartsOn must be a number"],
    [{ workingHours: [{ days: [1], start: "10:00", end: "09:00" }] }, "workingHours[0].end must be after start on the same day"],
    [{ workingHours: [{ days: [8], start: "09:00", end: "17:00" }] }, "workingHours[0].days[0] must be 1 (Monday) to 7 (Sunday)"],
    [{ workingHours: [{ days: [1], start: "9am", end: "17:00" }] }, "workingHours[0].start must be a time like 09:00"],
    [{ accounts: [{ name: "Acme", domains: ["acme.com"], tier: "gold" }] }, 'accounts[0].tier must be one of "dream", "a-list", "pain"'],
    [{ accounts: [{ name: "Acme", domains: ["not a domain"], tier: "dream" }] }, "accounts[0].domains[0] must be a domain like acme.com"],
    [{ decisionMakers: [{ email: "dana" }] }, "decisionMakers[0].email must be an email address like dana@acme.com"],
    [{ pipeline: { winRate: 50 } }, "pipeline.winRate must be at most 1 (a fraction such as 0.5)"],
    [{ pipeline: { averageDeal: 0 } }, "pipeline.averageDeal must be > 0"],
    [{ version: 2 }, "version must be 1"],
    [[1, 2], "settings must be an object"],
  ])("%j is refused with a message naming the field", (input, message) => {
    const r = parseSettings(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe("SettingsError");
      expect(r.error.message).toBe(message);
    }
  });

  test("pipeline math: ceil(target / deal / win rate / meeting-to-opportunity / weeks)", () => {
    expect(weeklyMeetings({ annualTarget: 100000, averageDeal: 10000, winRate: 0.5, meetingToOpportunity: 0.2, sellingWeeks: 46 })).toBe(3);
    // exactly 2 a week: 92000 / 10000 / 0.5 / 0.2 / 46 = 2 (no float noise turning it into 3)
    expect(weeklyMeetings({ annualTarget: 92000, averageDeal: 10000, winRate: 0.5, meetingToOpportunity: 0.2, sellingWeeks: 46 })).toBe(2);
  });

  test("the zone is the settings', else the calendar's (IANA or Windows), else UTC", () => {
    expect(resolveZone({ timeZone: "Europe/Paris" }, "America/New_York")).toBe("Europe/Paris");
    expect(resolveZone({}, "America/New_York")).toBe("America/New_York");
    expect(resolveZone({}, "Tokyo Standard Time")).toBe("Asia/Tokyo");
    expect(resolveZone({}, "Nowhere")).toBe("UTC");
    expect(resolveZone({}, null)).toBe("UTC");
  });
});

describe("strict settings: a typo is refused, never left at its default", () => {
  it.each([
    [{ acounts: [] }, '"acounts" is not a setting (did you mean accounts?)'],
    [{ targets: { dreamClientMinute: 60 } }, 'targets."dreamClientMinute" is not a setting (did you mean targets.dreamClientMinutes?)'],
    [{ accounts: [{ name: "Acme", domains: ["acme.com"], tier: "dream", teir: "a-list" }] }, 'accounts[0]."teir" is not a setting (did you mean accounts[0].tier?)'],
    [{ pipeline: { winrate: 0.3 } }, 'pipeline."winrate" is not a setting (did you mean pipeline.winRate?)'],
    [{ workingHours: [{ days: [1], start: "09:00", end: "17:00", ends: "18:00" }] }, 'workingHours[0]."ends" is not a setting (did you mean workingHours[0].end?)'],
    [{ items: [{ id: "e1" }] }, '"items" is not a setting: a typo'],
  ])("%j → %s", (input, message) => {
    const result = parseSettings(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(message);
  });

  it("names a suggestion only when one is near", () => {
    expect(nearestKey("acounts", ["accounts", "ownDomains"])).toBe("accounts");
    expect(nearestKey("timezone", ["timeZone", "weekStartsOn"])).toBe("timeZone");
    expect(nearestKey("colour", ["accounts", "ownDomains"])).toBeUndefined();
  });
});

describe("bounds: a number no seller means is refused naming the field", () => {
  it.each([
    [{ targets: { dreamClientMinutes: 1e308 } }, "targets.dreamClientMinutes must be at most 10,080 (the minutes in a week)"],
    [{ targets: { salesMeetings: 2.5 } }, "targets.salesMeetings must be a whole number of meetings"],
    [{ targets: { decisionMakerMeetings: 5000 } }, "targets.decisionMakerMeetings must be at most 1,000"],
    [{ pipeline: { annualTarget: 1e308 } }, "pipeline.annualTarget must be at most 1,000,000,000,000"],
    [{ pipeline: { winRate: 1e-9 } }, "pipeline.winRate must be at least 0.001 (a fraction such as 0.5)"],
    [{ lookBackWeeks: 27 }, "lookBackWeeks must be 0 to 26"],
    [{ lookBackWeeks: 1.5 }, "lookBackWeeks must be a whole number of weeks"],
    [{ decisionMakers: [{ email: "dana@acme.com", name: "x".repeat(201) }] }, "decisionMakers[0].name must be at most 200 characters"],
  ])("%j → %s", (input, message) => {
    const result = parseSettings(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe(message);
  });

  it("looks back 8 weeks by default, 0 to 26 when set", () => {
    const byDefault = parseSettings({});
    expect(byDefault.ok && byDefault.value.lookBackWeeks).toBe(8);
    const none = parseSettings({ lookBackWeeks: 0 });
    expect(none.ok && none.value.lookBackWeeks).toBe(0);
  });
});

describe("the sales-meetings target", () => {
  const target = (input: unknown): number => {
    const result = parseSettings(input);
    if (!result.ok) throw result.error;
    return salesMeetingsTarget(result.value);
  };
  it("is the explicit target when set", () => expect(target({ targets: { salesMeetings: 7 }, pipeline: {} })).toBe(7));
  it("else the pipeline math's weekly meetings", () => {
    expect(target({ pipeline: {} })).toBe(3);
    expect(target({ pipeline: { annualTarget: 250000 } })).toBe(6);
  });
  it("else 3", () => expect(target({})).toBe(3));
});
