import { cardModel } from "../../shared/view/cardModel";
import { NY, gEvent, planGoogle } from "./build";

describe("a figure explains itself without wording a thousand meetings", () => {
  test("each breakdown row lists its first 50 meetings, counts them all and says how many more", () => {
    // 60 internal-free, no-attendee meetings on Tue 1 Dec, 5 minutes apart: all in "other".
    const items = Array.from({ length: 60 }, (_, i) => {
      const start = new Date(Date.UTC(2026, 11, 1, 14) + i * 5 * 60_000).toISOString();
      return gEvent(start, new Date(Date.parse(start) + 5 * 60_000).toISOString(), { summary: `Call ${i}` });
    });
    const other = cardModel(planGoogle(items, NY, { now: "2026-11-23T12:00:00-05:00" }).plan).breakdown.find((r) => r.id === "other")!;
    expect(other.count).toBe(60);
    expect(other.items).toHaveLength(50);
    expect(other.items[0]!.title).toBe("Call 0");
    expect(other.more).toBe("and 10 more meetings");
    expect(other.minutes).toBe(300);
  });
});
