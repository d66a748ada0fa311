import { InputError } from "../errors";
import { err, ok, type Result } from "../result";
import { parseCsv } from "./csv";
import { parseSettings, type Account, type DecisionMaker, type Settings, type Tier } from "../settings/settings";
import { expectedColumnsText, isRecognisable, mapColumns, valueOf, type ColumnMap } from "./csvImportColumns";
import { cleanEmail, companyDomainOfEmail, coveredBy, domainOfWebsite, tierOf } from "./csvImportValues";
import { DEFAULT_DECISION_MAKER_TITLES, DEFAULT_NON_DECISION_MAKER_TITLES, titleRule, type TitleRule } from "./csvImportTitles";

export { DEFAULT_DECISION_MAKER_TITLES, DEFAULT_NON_DECISION_MAKER_TITLES } from "./csvImportTitles";
export { COLUMN_NAMES } from "./csvImportColumns";

/** How a CRM export is read. */
export interface CsvImportOptions {
  /**
   * Job titles of decision-makers, as regular expression sources, case-insensitive. Default
   * `DEFAULT_DECISION_MAKER_TITLES`: C-level, chief …, VP / vice president, head of, director,
   * owner, founder / co-founder, president, partner (as a rank).
   */
  readonly decisionMakerTitles?: readonly string[];
  /** Titles that are never decision-makers, case-insensitive regex sources. Default: assistants, interns, "… to the CEO". Pass [] to disable. */
  readonly nonDecisionMakerTitles?: readonly string[];
  /** The tier of a new account whose row has no tier. Default "dream": a CRM list imported here is usually the target list. */
  readonly defaultTier?: Tier;
}

/** What an import did; row numbers are as in the file (the header is row 1). */
export interface CsvImportReport {
  readonly rowsRead: number;
  readonly accountsAdded: number;
  readonly accountsUpdated: number;
  readonly decisionMakersAdded: number;
  readonly decisionMakersUpdated: number;
  readonly skipped: readonly { readonly row: number; readonly reason: string }[];
}

/** One row, read and checked: what it adds to the settings. */
interface RowPlan {
  readonly company: string;
  readonly domain: string | null;
  readonly tier: Tier | null;
  readonly decisionMaker: DecisionMaker | null;
}

const quote = (value: string): string => `"${value.length > 80 ? `${value.slice(0, 77)}…` : value}"`;

/** Reads one row, or says why it is skipped. */
const planRow = (
  row: readonly string[],
  columns: ColumnMap,
  isDecisionMaker: TitleRule,
  ownDomains: readonly string[],
): { ok: true; plan: RowPlan } | { ok: false; reason: string } => {
  const company = valueOf(row, columns, "company").replace(/\s+/g, " ");
  const domainText = valueOf(row, columns, "domain");
  const emailText = valueOf(row, columns, "email");
  const title = valueOf(row, columns, "title").replace(/\s+/g, " ");
  const tierText = valueOf(row, columns, "tier");
  const first = valueOf(row, columns, "firstName");
  const last = valueOf(row, columns, "lastName");
  const name = (first || last ? `${first} ${last}` : valueOf(row, columns, "fullName")).replace(/\s+/g, " ").trim();

  const email = emailText ? cleanEmail(emailText) : null;
  if (emailText && !email) return { ok: false, reason: `invalid email ${quote(emailText)}` };
  const website = domainText ? domainOfWebsite(domainText) : null;
  if (domainText && !website) return { ok: false, reason: `invalid domain ${quote(domainText)} (expected a website or domain like acme.com)` };
  const tier = tierText ? tierOf(tierText) : null;
  if (tierText && !tier) return { ok: false, reason: `unknown tier ${quote(tierText)} (expected dream, a-list or pain)` };

  const emailDomain = email ? companyDomainOfEmail(email) : null;
  // A website on a subdomain of the contact's email domain (shop.acme.com, dana@acme.com):
  // the email domain covers both, as meetings match subdomains.
  const domain = website && emailDomain && website !== emailDomain && coveredBy(website, emailDomain) ? emailDomain : (website ?? emailDomain);
  if (!company && !domain) {
    return { ok: false, reason: email ? `no company and no domain (${email.split("@")[1]} is a free-mail address)` : "no company and no domain" };
  }
  const dm = title !== "" && isDecisionMaker(title);
  if (dm && !email) return { ok: false, reason: `decision-maker title ${quote(title)} but no email` };
  const own = domain ? ownDomains.find((d) => coveredBy(domain, d)) : undefined;
  if (own) return { ok: false, reason: `${domain} is one of your own domains (ownDomains), not a client` };
  return { ok: true, plan: { company, domain, tier, decisionMaker: dm && email ? { email, name, title } : null } };
};

const findAccount = (accounts: readonly Account[], company: string, domain: string | null): number => {
  const key = company.toLowerCase();
  const byName = key ? accounts.findIndex((a) => a.name.trim().toLowerCase() === key) : -1;
  if (byName >= 0 || !domain) return byName;
  return accounts.findIndex((a) => a.domains.some((d) => coveredBy(domain, d) || coveredBy(d, domain)));
};

/** Reads the file into rows of trimmed cells; the error is about the file as a whole. */
const readRows = (csvText: string): Result<{ header: string[]; headerRow: number; rows: { row: number; cells: string[] }[] }, InputError> => {
  const text = csvText.replace(/^\uFEFF/, "");
  if (text.trim() === "") return err(new InputError(`the CSV file is empty: expected a header row with ${expectedColumnsText()}`));
  const parsed = parseCsv(text);
  if (!parsed.ok) return parsed;
  const all = parsed.value.rows.map((cells, index) => ({ row: index + 1, cells: cells.map((c) => c.trim()) }));
  const nonEmpty = all.filter((r) => r.cells.some((c) => c !== ""));
  const [head, ...rows] = nonEmpty;
  if (!head) return err(new InputError(`the CSV file is empty: expected a header row with ${expectedColumnsText()}`));
  return ok({ header: head.cells, headerRow: head.row, rows });
};

/**
 * Merges a CRM contacts export (HubSpot, Salesforce; CSV with a header row, `,` or `;`,
 * quoted fields, optional BOM) into the settings' accounts and decision-makers. Each row's
 * company becomes an account with its domain (the domain or website column, else the
 * contact's email domain unless it is a free-mail provider) and tier (the tier column, else
 * `options.defaultTier`, else "dream"). An account with the same name (case-insensitive) or an
 * overlapping domain is updated (domains added; tier changed only by an explicit tier). A
 * contact whose job title is a decision-maker's and who has an email becomes a decision-maker
 * (merged by email, name and title updated). Rows that cannot be read are skipped with a
 * reason; the input settings are never changed; the result is validated.
 * @example importCrmCsv("Email,Job Title,Company Name,Website\ndana@acme.com,CFO,Acme,https://www.acme.com\n", defaultSettings())
 *   → ok({ settings: { accounts: [{ name: "Acme", domains: ["acme.com"], tier: "dream" }], decisionMakers: [{ email: "dana@acme.com", name: "", title: "CFO" }], … },
 *          report: { rowsRead: 1, accountsAdded: 1, accountsUpdated: 0, decisionMakersAdded: 1, decisionMakersUpdated: 0, skipped: [] } })
 */
export const importCrmCsv = (
  csvText: string,
  settings: Settings,
  options: CsvImportOptions = {},
): Result<{ settings: Settings; report: CsvImportReport }, InputError> => {
  const rule = titleRule(options.decisionMakerTitles ?? DEFAULT_DECISION_MAKER_TITLES, options.nonDecisionMakerTitles ?? DEFAULT_NON_DECISION_MAKER_TITLES);
  if (!rule.ok) return rule;
  const read = readRows(csvText);
  if (!read.ok) return read;
  const columns = mapColumns(read.value.header);
  if (!isRecognisable(columns)) {
    const found = read.value.header.filter((h) => h !== "").map((h) => `"${h}"`).join(", ");
    return err(new InputError(`the CSV file has no recognisable columns: expected ${expectedColumnsText()}; its header row has ${found || "no names"}`));
  }

  const accounts: Account[] = settings.accounts.map((a) => ({ ...a, domains: [...a.domains] }));
  const decisionMakers: DecisionMaker[] = settings.decisionMakers.map((d) => ({ ...d }));
  const existingAccounts = accounts.length;
  const existingDecisionMakers = decisionMakers.length;
  const updatedAccounts = new Set<number>();
  const updatedDecisionMakers = new Set<number>();
  let accountsAdded = 0;
  let decisionMakersAdded = 0;
  const skipped: { row: number; reason: string }[] = [];
  const ownDomains = settings.ownDomains ?? [];
  const defaultTier = options.defaultTier ?? "dream";

  for (const { row, cells } of read.value.rows) {
    const planned = planRow(cells, columns, rule.value, ownDomains);
    if (!planned.ok) {
      skipped.push({ row, reason: planned.reason });
      continue;
    }
    const { company, domain, tier, decisionMaker } = planned.plan;
    const index = findAccount(accounts, company, domain);
    if (index >= 0) {
      const account = accounts[index]!;
      let changed = false;
      if (domain && !account.domains.some((d) => coveredBy(domain, d))) {
        accounts[index] = { ...account, domains: [...account.domains, domain] };
        changed = true;
      }
      if (tier && tier !== accounts[index]!.tier) {
        accounts[index] = { ...accounts[index]!, tier };
        changed = true;
      }
      if (changed && index < existingAccounts) updatedAccounts.add(index);
    } else if (domain) {
      accounts.push({ name: company || domain, domains: [domain], tier: tier ?? defaultTier });
      accountsAdded++;
    } else {
      skipped.push({ row, reason: `company ${quote(company)} has no domain: add a website or domain column, or a work email` });
      continue;
    }
    if (decisionMaker) {
      const at = decisionMakers.findIndex((d) => d.email.toLowerCase() === decisionMaker.email);
      if (at < 0) {
        decisionMakers.push(decisionMaker);
        decisionMakersAdded++;
      } else {
        const seen = decisionMakers[at]!;
        const next = { ...seen, email: seen.email.toLowerCase(), name: decisionMaker.name || seen.name, title: decisionMaker.title || seen.title };
        if (next.name !== seen.name || next.title !== seen.title || next.email !== seen.email) {
          decisionMakers[at] = next;
          if (at < existingDecisionMakers) updatedDecisionMakers.add(at);
        }
      }
    }
  }

  const merged = parseSettings({ ...settings, accounts, decisionMakers });
  if (!merged.ok) return err(new InputError(`the imported settings are not valid: ${merged.error.message}`, { cause: merged.error }));
  return ok({
    settings: merged.value,
    report: {
      rowsRead: read.value.rows.length,
      accountsAdded,
      accountsUpdated: updatedAccounts.size,
      decisionMakersAdded,
      decisionMakersUpdated: updatedDecisionMakers.size,
      skipped,
    },
  });
};
