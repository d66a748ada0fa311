import { formNumber } from "../../shared/settings/formNumber";

describe("numbers typed into a settings form", () => {
  test.each([
    ["1,000", 1000],
    ["$100,000", 100000],
    ["100,000.50", 100000.5],
    [" 90 ", 90],
    ["1 000", 1000],
    ["0,5", 0.5],
    ["12,5", 12.5],
    ["1,2345", 1.2345],
    ["-3", -3],
    [".5", 0.5],
    ["1e3", 1000],
  ])("%s reads as %d", (text, value) => expect(formNumber(text)).toBe(value));

  test("percent only where a fraction is asked for", () => {
    expect(formNumber("50%", { percent: true })).toBe(0.5);
    expect(formNumber("50%")).toBeNaN();
  });

  test("blank is undefined; words and mixed separators are not numbers", () => {
    expect(formNumber("")).toBeUndefined();
    expect(formNumber("  ")).toBeUndefined();
    expect(formNumber(undefined)).toBeUndefined();
    for (const bad of ["ten", "1,00,0", "1.000,5", "1..2", "12abc", "0x10"]) expect(formNumber(bad)).toBeNaN();
  });
});
