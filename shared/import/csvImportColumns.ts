/**
 * The columns of CRM exports (HubSpot, Salesforce) the CSV import reads, matched by name
 * case-insensitively and ignoring spaces, underscores and punctuation.
 */

/** What a column holds. */
export type CsvField = "company" | "domain" | "email" | "title" | "firstName" | "lastName" | "fullName" | "tier";

/** Header names per field, most specific first (the first non-empty one in a row wins). */
export const COLUMN_NAMES: Readonly<Record<CsvField, readonly string[]>> = {
  company: ["Company", "Company name", "Associated Company", "Account Name", "Account"],
  domain: ["Company Domain Name", "Domain", "Website", "Company Website", "Account Website", "Website URL"],
  email: ["Email", "Email Address", "Contact Email"],
  title: ["Job Title", "Title"],
  firstName: ["First Name"],
  lastName: ["Last Name"],
  fullName: ["Full Name", "Name", "Contact Name"],
  tier: ["Tier", "Account Tier", "Tier (Next Week)", "Next Week Tier"],
};

/**
 * A header as compared: lower case, letters and digits only.
 * @example headerKey(" Company_Domain Name ") → "companydomainname"
 */
export const headerKey = (header: string): string => header.toLowerCase().replace(/[^a-z0-9]/g, "");

/** For each field, the indexes of the columns holding it, in the order of `COLUMN_NAMES`. */
export type ColumnMap = Readonly<Record<CsvField, readonly number[]>>;

/**
 * Maps a header row to the fields it holds.
 * @example mapColumns(["First Name", "Email", "Company Name", "Associated Company"]) → { email: [1], company: [2, 3], firstName: [0], … }
 */
export const mapColumns = (headers: readonly string[]): ColumnMap => {
  const keys = headers.map(headerKey);
  const map = {} as Record<CsvField, number[]>;
  for (const field of Object.keys(COLUMN_NAMES) as CsvField[]) {
    map[field] = [];
    for (const name of COLUMN_NAMES[field]) {
      keys.forEach((key, index) => {
        if (key === headerKey(name) && !map[field].includes(index)) map[field].push(index);
      });
    }
  }
  return map;
};

/** A column map can make accounts when it has a company, domain or email column. */
export const isRecognisable = (columns: ColumnMap): boolean => columns.company.length > 0 || columns.domain.length > 0 || columns.email.length > 0;

/** The columns the import looks for, for the message of a file it cannot read. */
export const expectedColumnsText = (): string =>
  `a company column (${COLUMN_NAMES.company.map((n) => `"${n}"`).join(", ")}), ` +
  `a domain or website column (${COLUMN_NAMES.domain.map((n) => `"${n}"`).join(", ")}) ` +
  `or an email column (${COLUMN_NAMES.email.map((n) => `"${n}"`).join(", ")})`;

/** The first non-empty, trimmed value of a field in a row; "" when there is none. */
export const valueOf = (row: readonly string[], columns: ColumnMap, field: CsvField): string => {
  for (const index of columns[field]) {
    const value = row[index]?.trim();
    if (value) return value;
  }
  return "";
};
