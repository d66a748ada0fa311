import { parseSettings, defaultSettings, weeklyMeetings } from "../../shared/settings/settings";
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
