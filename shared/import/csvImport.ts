import { InputError } from "../errors";
import { printable } from "../text/printable";
import { err, ok, type Result } from "../result";
import { parseCsv } from "./csv";
import { parseSettings, type Account, type DecisionMaker, type Settings, type Tier } from "../settings/settings";
import { expectedColumnsText, isRecognisable, mapColumns, valueOf, type ColumnMap, type CsvField } from "./csvImportColumns";
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

const quote = (value: string): string => `"${printable(value)}"`;

/** The largest CSV text read, in characters (a file of more characters is more than this many bytes). */
export const MAX_CSV_CHARS = 20_000_000;
/** The most rows (after the header) one import reads. */
export const MAX_CSV_ROWS = 100_000;
/** The longest cell read in a column the import uses; a longer one skips its row, naming row and column. */
export const MAX_CELL_CHARS = 1_000;
/** The longest company name, person name or job title kept (the settings' limit for a text). */
export const MAX_NAME_CHARS = 200;

const FIELDS_READ: readonly CsvField[] = ["company", "domain", "email", "title", "firstName", "lastName", "fullName", "tier"];

/** The first cell of a column the import reads that is too long, with its column's header. */
const oversizedCell = (row: readonly string[], columns: ColumnMap, header: readonly string[]): string | null => {
  for (const field of FIELDS_READ) {
    for (const index of columns[field]) {
      const cell = row[index];
      if (cell !== undefined && cell.length > MAX_CELL_CHARS) {
        return `column "${printable(header[index] ?? "", 40)}" holds ${cell.length.toLocaleString("en-US")} characters (at most ${MAX_CELL_CHARS.toLocaleString("en-US")} are read)`;
      }
    }
  }
  return null;
};

/** Reads one row, or says why it is skipped. */
const planRow = (
  row: readonly string[],
  columns: ColumnMap,
  isDecisionMaker: TitleRule,
  ownDomains: ReadonlySet<string>,
): { ok: true; plan: RowPlan } | { ok: false; reason: string } => {
  const company = valueOf(row, columns, "company").replace(/\s+/g, " ");
  const domainText = valueOf(row, columns, "domain");
  const emailText = valueOf(row, columns, "email");
  const title = valueOf(row, columns, "title").replace(/\s+/g, " ");
  const tierText = valueOf(row, columns, "tier");
  const first = valueOf(row, columns, "firstName");
  const last = valueOf(row, columns, "lastName");
  const name = (first || last ? `${first} ${last}` : valueOf(row, columns, "fullName")).replace(/\s+/g, " ").trim();
  for (const [what, value] of [["company name", company], ["name", name], ["job title", title]] as const) {
    if (value.length > MAX_NAME_CHARS) return { ok: false, reason: `${what} ${quote(value)} is longer than ${MAX_NAME_CHARS} characters` };
  }

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
  const own = domain ? ownDomains.has(domain) || [...ancestors(domain)].some((d) => ownDomains.has(d)) : false;
  if (own) return { ok: false, reason: `${domain} is one of your own domains (ownDomains), not a client` };
  return { ok: true, plan: { company, domain, tier, decisionMaker: dm && email ? { email, name, title } : null } };
};

/** The domain and each domain it is a subdomain of: eu.acme.com, acme.com, com. */
function* ancestors(domain: string): Generator<string> {
  for (let at = 0; at >= 0; at = domain.indexOf(".", at) + 1 || -1) yield domain.slice(at);
}

/**
 * The accounts being built, found by name or domain in time independent of their number
 * (the import was quadratic: 8,000 rows took 6 s). Each key keeps the first account that has it,
 * as a search from the top of the list would find.
 */
class AccountIndex {
  private readonly byName = new Map<string, number>();
  /** Each domain of an account, and each domain it is a subdomain of, to the first account with it. */
  private readonly bySuffix = new Map<string, number>();
  /** Exact domains to the first account with it. */
  private readonly byDomain = new Map<string, number>();
  /** "index domain" of every (account, domain) pair. */
  private readonly pairs = new Set<string>();

  constructor(readonly accounts: Account[]) {
    accounts.forEach((account, index) => {
      this.addName(index, account.name);
      for (const domain of account.domains) this.addDomain(index, domain);
    });
  }

  private static keep(map: Map<string, number>, key: string, index: number): void {
    const seen = map.get(key);
    if (seen === undefined || index < seen) map.set(key, index);
  }

  addName(index: number, name: string): void {
    const key = name.trim().toLowerCase();
    if (key) AccountIndex.keep(this.byName, key, index);
  }

  addDomain(index: number, domain: string): void {
    AccountIndex.keep(this.byDomain, domain, index);
    for (const suffix of ancestors(domain)) AccountIndex.keep(this.bySuffix, suffix, index);
    this.pairs.add(`${index} ${domain}`);
  }

  /** The account with this name (case-insensitive), else the first whose domains cover `domain` or are covered by it; -1 when none. */
  find(company: string, domain: string | null): number {
    const key = company.toLowerCase();
    const byName = key ? (this.byName.get(key) ?? -1) : -1;
    if (byName >= 0 || !domain) return byName;
    let best = this.bySuffix.get(domain) ?? -1;
    for (const ancestor of ancestors(domain)) {
      const index = this.byDomain.get(ancestor);
      if (index !== undefined && (best < 0 || index < best)) best = index;
    }
    return best;
  }

  /** Whether `domain` is one of the account's domains or a subdomain of one. */
  covers(index: number, domain: string): boolean {
    for (const ancestor of ancestors(domain)) if (this.pairs.has(`${index} ${ancestor}`)) return true;
    return false;
  }
}

const lineOf = (text: string, at: number): number => {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < at; i = text.indexOf("\n", i + 1)) line++;
  return line;
};

/** Reads the file into rows of trimmed cells; the error is about the file as a whole. */
const readRows = (csvText: string): Result<{ header: string[]; headerRow: number; rows: { row: number; cells: string[] }[] }, InputError> => {
  if (csvText.length > MAX_CSV_CHARS) {
    return err(new InputError(`the CSV file is too large: more than ${MAX_CSV_CHARS / 1_000_000} MB, the limit; export fewer columns or split the file`));
  }
  const text = csvText.replace(/^\uFEFF/, "");
  const nul = text.indexOf("\u0000");
  if (nul >= 0) {
    return err(new InputError(`the CSV file holds a NUL character (line ${lineOf(text, nul).toLocaleString("en-US")}): it is not a text export; save it as "CSV UTF-8" and import that`));
  }
  if (text.trim() === "") return err(new InputError(`the CSV file is empty: expected a header row with ${expectedColumnsText()}`));
  const parsed = parseCsv(text);
  if (!parsed.ok) return parsed;
  let head: { row: number; cells: string[] } | undefined;
  const rows: { row: number; cells: string[] }[] = [];
  const all = parsed.value.rows;
  for (let index = 0; index < all.length; index++) {
    const cells = all[index]!.map((c) => c.trim());
    if (!cells.some((c) => c !== "")) continue;
    if (!head) {
      head = { row: index + 1, cells };
      continue;
    }
    if (rows.length >= MAX_CSV_ROWS) {
      return err(new InputError(`the CSV file has more than ${MAX_CSV_ROWS.toLocaleString("en-US")} rows, the most one import reads: split it into several files`));
    }
    rows.push({ row: index + 1, cells });
  }
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
    const found = printable(read.value.header.filter((h) => h !== "").map((h) => `"${printable(h, 40)}"`).join(", "), 300);
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
  const ownDomains = new Set(settings.ownDomains ?? []);
  const index = new AccountIndex(accounts);
  const decisionMakerAt = new Map<string, number>();
  decisionMakers.forEach((d, at) => {
    if (!decisionMakerAt.has(d.email.toLowerCase())) decisionMakerAt.set(d.email.toLowerCase(), at);
  });
  const defaultTier = options.defaultTier ?? "dream";

  for (const { row, cells } of read.value.rows) {
    const oversized = oversizedCell(cells, columns, read.value.header);
    if (oversized) {
      skipped.push({ row, reason: oversized });
      continue;
    }
    const planned = planRow(cells, columns, rule.value, ownDomains);
    if (!planned.ok) {
      skipped.push({ row, reason: planned.reason });
      continue;
    }
    const { company, domain, tier, decisionMaker } = planned.plan;
    const at = index.find(company, domain);
    if (at >= 0) {
      // The accounts are this import's own copies: changed in place (copying a list per row was quadratic).
      const account = accounts[at]!;
      let changed = false;
      if (domain && !index.covers(at, domain)) {
        account.domains.push(domain);
        index.addDomain(at, domain);
        changed = true;
      }
      if (tier && tier !== account.tier) {
        account.tier = tier;
        changed = true;
      }
      if (changed && at < existingAccounts) updatedAccounts.add(at);
    } else if (domain) {
      const name = company || domain;
      accounts.push({ name, domains: [domain], tier: tier ?? defaultTier });
      index.addName(accounts.length - 1, name);
      index.addDomain(accounts.length - 1, domain);
      accountsAdded++;
    } else {
      skipped.push({ row, reason: `company ${quote(company)} has no domain: add a website or domain column, or a work email` });
      continue;
    }
    if (decisionMaker) {
      const dm = decisionMakerAt.get(decisionMaker.email);
      if (dm === undefined) {
        decisionMakerAt.set(decisionMaker.email, decisionMakers.length);
        decisionMakers.push(decisionMaker);
        decisionMakersAdded++;
      } else {
        const seen = decisionMakers[dm]!;
        const next = { ...seen, email: seen.email.toLowerCase(), name: decisionMaker.name || seen.name, title: decisionMaker.title || seen.title };
        if (next.name !== seen.name || next.title !== seen.title || next.email !== seen.email) {
          decisionMakers[dm] = next;
          if (dm < existingDecisionMakers) updatedDecisionMakers.add(dm);
        }
      }
    }
  }

  const merged = parseSettings({ ...settings, accounts, decisionMakers });
  if (!merged.ok) return err(new InputError(`the imported settings are not valid: ${printable(merged.error.message, 300)}`, { cause: merged.error }));
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
