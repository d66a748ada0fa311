import fc from "fast-check";
import { importCrmCsv, MAX_CELL_CHARS, MAX_CSV_CHARS, MAX_CSV_ROWS } from "../../shared/import/csvImport";
import { coveredBy } from "../../shared/import/csvImportValues";
import { defaultSettings, parseSettings, type Account, type Settings, type SettingsInput } from "../../shared/settings/settings";

// Huge and hostile CRM exports (issue: hostile and huge inputs). The import used to search the
// accounts linearly for each row (8,000 rows: 6 s; 51,700 rows: over 20 s; the Outlook pane froze
// for 41 s on 20,000). Speed is measured in `npm run bench`; these tests check the limits and
// that the indexed search finds what the linear one found.

const settingsOf = (input: SettingsInput): Settings => {
  const parsed = parseSettings(input);
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
};
const run = (csv: string, settings: Settings = settingsOf({ ownDomains: ["seller.com"] })) => importCrmCsv(csv, settings);
const imported = (csv: string, settings?: Settings) => {
  const result = run(csv, settings);
  if (!result.ok) throw result.error;
  return result.value;
};
const failure = (csv: string): string => {
  const result = run(csv);
  if (result.ok) throw new Error("expected an error");
  return result.error.message;
};

/** A contacts export: `rows` contacts spread over `companies` companies, one in ten a VP. */
const contacts = (rows: number, companies: number): string => {
  const lines = ["First Name,Last Name,Email,Job Title,Company Name,Website"];
  for (let i = 0; i < rows; i++) {
    const c = i % companies;
    lines.push(`F${i},L${i},p${i}@company${c}.com,${i % 10 === 0 ? "VP Sales" : "Engineer"},Company ${c},https://www.company${c}.com`);
  }
  return lines.join("\r\n");
};

describe("a large export", () => {
  test("10,000 contacts at 2,000 companies: every company once, every VP once, nothing skipped", () => {
    const { settings, report } = imported(contacts(10_000, 2_000));
    expect(report.rowsRead).toBe(10_000);
    expect(report.skipped).toEqual([]);
    expect(settings.accounts).toHaveLength(2_000);
    expect(settings.accounts[1_999]).toEqual({ name: "Company 1999", domains: ["company1999.com"], tier: "dream" });
    expect(settings.decisionMakers).toHaveLength(1_000);
    expect(settings.decisionMakers[999]).toEqual({ email: "p9990@company1990.com", name: "F9990 L9990", title: "VP Sales" });
  });

  test(`more than ${MAX_CSV_ROWS.toLocaleString("en-US")} rows is refused naming the limit`, () => {
    expect(failure(contacts(MAX_CSV_ROWS + 1, 100))).toBe("the CSV file has more than 100,000 rows, the most one import reads: split it into several files");
  });

  test(`a text of more than ${MAX_CSV_CHARS.toLocaleString("en-US")} characters is refused naming the limit`, () => {
    expect(failure(`Email\n${"a".repeat(MAX_CSV_CHARS)}`)).toBe("the CSV file is too large: more than 20 MB, the limit; export fewer columns or split the file");
  });
});

describe("the search by name and domain finds what a search through every account finds", () => {
  // The linear search the import used to do, as the reference.
  const reference = (rows: readonly { company: string; website: string; tier: string }[], start: readonly Account[]): Account[] => {
    const accounts = start.map((a) => ({ ...a, domains: [...a.domains] }));
    for (const { company, website, tier } of rows) {
      const domain = website || null;
      const key = company.toLowerCase();
      let index = key ? accounts.findIndex((a) => a.name.trim().toLowerCase() === key) : -1;
      if (index < 0 && domain) index = accounts.findIndex((a) => a.domains.some((d) => coveredBy(domain, d) || coveredBy(d, domain)));
      const explicit = tier === "" ? null : (tier as Account["tier"]);
      if (index >= 0) {
        const account = accounts[index]!;
        if (domain && !account.domains.some((d) => coveredBy(domain, d))) account.domains.push(domain);
        if (explicit) account.tier = explicit;
      } else if (domain) {
        accounts.push({ name: company || domain, domains: [domain], tier: explicit ?? "dream" });
      }
    }
    return accounts;
  };

  test("random companies, domains, subdomains and tiers, into empty and filled settings", () => {
    const domainArb = fc.constantFrom("", "acme.com", "eu.acme.com", "shop.eu.acme.com", "beta.io", "acme.co.uk", "uk.beta.io", "delta.fr");
    const rowArb = fc.record({
      company: fc.constantFrom("", "Acme", "ACME", "Beta", "Delta", "Eu Acme", "Gamma"),
      website: domainArb,
      tier: fc.constantFrom("", "dream", "a-list", "pain"),
    });
    const startArb = fc.uniqueArray(
      fc.record({ name: fc.constantFrom("Acme", "Beta", "Old Co", "Delta"), domains: fc.uniqueArray(domainArb.filter((d) => d !== ""), { minLength: 1, maxLength: 2 }), tier: fc.constantFrom("dream", "a-list", "pain") }),
      { selector: (a) => a.name, maxLength: 3 },
    );
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 25 }), startArb, (rows, start) => {
        const csv = ["Company,Website,Tier", ...rows.map((r) => `${r.company},${r.website},${r.tier}`)].join("\n");
        const settings = settingsOf({ accounts: start as SettingsInput["accounts"] });
        const result = importCrmCsv(csv, settings);
        const expected = reference(rows.filter((r) => r.company || r.website), settings.accounts);
        if (!result.ok) throw result.error;
        expect(result.value.settings.accounts).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe("hostile cells and bytes", () => {
  test(`a cell longer than ${MAX_CELL_CHARS.toLocaleString("en-US")} characters in a column the import reads skips its row, naming the row and the column`, () => {
    const csv = ["Email,Company Name,Notes", `dana@acme.com,${"A".repeat(5_000_000)},x`, "lee@beta.io,Beta,fine"].join("\n");
    const { settings, report } = imported(csv);
    expect(report.skipped).toEqual([{ row: 2, reason: 'column "Company Name" holds 5,000,000 characters (at most 1,000 are read)' }]);
    expect(settings.accounts.map((a) => a.name)).toEqual(["Beta"]);
  });

  test("a long cell in a column the import does not read is ignored", () => {
    const { settings, report } = imported(["Email,Company Name,Notes", `dana@acme.com,Acme,${"n".repeat(100_000)}`].join("\n"));
    expect(report.skipped).toEqual([]);
    expect(settings.accounts.map((a) => a.name)).toEqual(["Acme"]);
  });

  test("a company name, person name or title longer than the settings keep (200 characters) skips its row with the reason", () => {
    const { report } = imported(["Email,Company Name,Job Title", `dana@acme.com,Acme,${"Chief ".repeat(40)}`].join("\n"));
    expect(report.skipped).toHaveLength(1);
    expect(report.skipped[0]!.reason).toMatch(/^job title "Chief Chief .*…" is longer than 200 characters$/);
  });

  test("a NUL character refuses the file naming its line (a UTF-16 or spreadsheet file)", () => {
    expect(failure("Email,Company\ndana@acme.com,Acme\nlee@beta.io,Be\u0000ta\n")).toBe(
      'the CSV file holds a NUL character (line 3): it is not a text export; save it as "CSV UTF-8" and import that',
    );
  });

  test("control characters from the file never reach a message, and long excerpts are cut", () => {
    const { report } = imported(["Email,Company Name", `dana@\u001b[31macme\u0007.com,Acme`].join("\n"));
    expect(report.skipped[0]!.reason).toBe('invalid email "dana@ [31macme .com"');
    const headers = Array.from({ length: 5_000 }, (_, i) => `\u001b[${i}mColumn ${i}`).join(",");
    const message = failure(`${headers}\nx`);
    expect(message).toMatch(/^the CSV file has no recognisable columns: .*its header row has "\[0mColumn 0", /);
    expect(message).not.toMatch(/[\u0000-\u001f]/);
    expect(message.length).toBeLessThan(1_000);
  });
});

test("the default settings are untouched by an import", () => {
  const settings = defaultSettings();
  const before = JSON.stringify(settings);
  imported(contacts(100, 10), settings);
  expect(JSON.stringify(settings)).toBe(before);
});
