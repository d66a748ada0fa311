import { InputError } from "../errors";
import { err, ok, type Result } from "../result";

/**
 * Job titles of decision-makers, as regular expression sources (case-insensitive):
 * C-level (CEO, CFO, … and any "Chief … Officer"), VP / vice president (SVP, EVP), head of,
 * director, owner (not "Product Owner"), founder / co-founder, president, and partner when it
 * is a rank (Partner, Managing/Senior/Founding/Equity/General Partner — not "Partner Manager").
 */
export const DEFAULT_DECISION_MAKER_TITLES: readonly string[] = [
  "\\b(ceo|cfo|cto|coo|cmo|cro|cio|ciso|cpo|cdo|chro|cxo)\\b",
  "\\bchief\\b",
  "\\b(s|e)?vp\\b|\\bv\\.\\s?p\\.|\\bvice[-\\s]+president\\b",
  "\\bhead\\b",
  "\\bdirector\\b",
  "(?<!product\\s)\\bowner\\b",
  "\\b(co-?\\s?)?founder\\b",
  "\\bpresident\\b",
  "^\\s*partner\\s*$|\\b(managing|senior|founding|equity|general|name)\\s+partner\\b",
];

/**
 * Titles that are never decision-makers even when they name one: the people around them
 * ("Assistant to the CFO", "Executive Assistant to the CEO", "Intern, Office of the CEO").
 * An "Assistant Vice President" is excluded too: assistants are not who signs.
 */
export const DEFAULT_NON_DECISION_MAKER_TITLES: readonly string[] = ["\\bassistant\\b", "\\bintern(ship)?\\b", "\\bto the\\b"];

/** A compiled title rule: matches a decision-maker's title. */
export type TitleRule = (title: string) => boolean;

const compile = (sources: readonly string[], option: string): Result<RegExp[], InputError> => {
  const out: RegExp[] = [];
  for (const source of sources) {
    try {
      out.push(new RegExp(source, "i"));
    } catch (e) {
      return err(new InputError(`${option} has a pattern that is not a valid regular expression: "${source}"`, { cause: e }));
    }
  }
  return ok(out);
};

/**
 * The decision-maker rule: a title matching one of `titles` and none of `exclusions`.
 * @example titleRule(DEFAULT_DECISION_MAKER_TITLES, DEFAULT_NON_DECISION_MAKER_TITLES) → ok(rule); rule("VP Sales") → true; rule("Assistant to the CFO") → false
 */
export const titleRule = (titles: readonly string[], exclusions: readonly string[]): Result<TitleRule, InputError> => {
  const include = compile(titles, "decisionMakerTitles");
  if (!include.ok) return include;
  const exclude = compile(exclusions, "nonDecisionMakerTitles");
  if (!exclude.ok) return exclude;
  return ok((title: string) => {
    const t = title.replace(/\s+/g, " ").trim();
    return t !== "" && include.value.some((r) => r.test(t)) && !exclude.value.some((r) => r.test(t));
  });
};
