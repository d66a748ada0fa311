import { selfAddress } from "../../shared/normalize/selfAddress";

describe("the user's own address, as the events give it", () => {
  test("Calendar v3: the most frequent self attendee or organizer, lower-case", () => {
    const items = [
      { attendees: [{ email: "Ana@Seller.com", self: true }, { email: "lee@acme.com" }] },
      { organizer: { email: "ana@seller.com", self: true } },
      { attendees: [{ email: "alias@seller.com", self: true }] },
      null,
      "junk",
    ];
    expect(selfAddress(items, "google")).toBe("ana@seller.com");
  });

  test("Graph: the organizer of the events the user organizes", () => {
    const items = [
      { isOrganizer: true, organizer: { emailAddress: { address: "Ana@Seller.com" } } },
      { isOrganizer: false, organizer: { emailAddress: { address: "lee@acme.com" } } },
    ];
    expect(selfAddress(items, "graph")).toBe("ana@seller.com");
  });

  test("null when no event tells", () => {
    expect(selfAddress([{ attendees: [{ email: "lee@acme.com" }] }], "google")).toBeNull();
    expect(selfAddress([{ isOrganizer: false, organizer: { emailAddress: { address: "lee@acme.com" } } }], "graph")).toBeNull();
  });
});
