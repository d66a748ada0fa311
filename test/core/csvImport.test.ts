import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importCrmCsv, type CsvImportOptions } from "../../shared/import/csvImport";
import { defaultSettings, parseSettings, type Settings, type SettingsInput } from "../../shared/settings/settings";

const fixture = (name: string): string => readFileSync(join(__dirname, "..", "fixtures", "csv", name), "utf8");

const settingsOf = (input: SettingsInput): Settings => {
  const parsed = parseSettings(input);
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
};

const imported = (csv: string, settings: Settings = settingsOf({ ownDomains: ["seller.com"] }), options?: CsvImportOptions) => {
  const result = importCrmCsv(csv, settings, options);
  if (!result.ok) throw result.error;
  return result.value;
};

const failure = (csv: string, options?: CsvImportOptions) => {
  const result = importCrmCsv(csv, defaultSettings(), options);
  if (result.ok) throw new Error("expected an error");
  return result.error;
};

describe("a HubSpot contacts export into empty settings", () => {
  const { settings, report } = imported(fixture("hubspot-contacts.csv"));

  test("accounts: company, domain (column, else the email's), tier (column, else dream)", () => {
    expect(settings.accounts).toEqual([
      { name: "Acme Corp", domains: ["acme.com"], tier: "dream" },
      { name: "Beta Corp", domains: ["betacorp.io"], tier: "a-list" },
      { name: "Delta Finance", domains: ["delta-finance.fr"], tier: "dream" },
      { name: "Pain Co, Inc.", domains: ["pain-co.com"], tier: "pain" },
    ]);
  });

  test("decision-makers: C-level, VP and owner with an email; not the assistant to the CFO, not a product owner", () => {
    expect(settings.decisionMakers).toEqual([
      { email: "dana.ruiz@acme.com", name: "Dana Ruiz", title: "CFO" },
      { email: "priya@betacorp.io", name: "Priya Nair", title: "VP, Sales" },
      { email: "jo@pain-co.com", name: "Jo O'Neil", title: "Owner" },
    ]);
  });

  test("the report counts rows and changes, and gives each skipped row with its number and reason", () => {
    expect(report).toEqual({
      rowsRead: 12,
      accountsAdded: 4,
      accountsUpdated: 0,
      decisionMakersAdded: 3,
      decisionMakersUpdated: 0,
      skipped: [
        { row: 5, reason: "no company and no domain (gmail.com is a free-mail address)" },
        { row: 7, reason: 'invalid email "ravi@gamma"' },
        { row: 8, reason: 'invalid domain "not a website" (expected a website or domain like acme.com)' },
        { row: 9, reason: 'decision-maker title "Co-Founder & CEO" but no email' },
        { row: 10, reason: 'unknown tier "Gold" (expected dream, a-list or pain)' },
        { row: 12, reason: "seller.com is one of your own domains (ownDomains), not a client" },
      ],
    });
  });

  test("the other settings are kept", () => {
    expect({ ...settings, accounts: [], decisionMakers: [] }).toEqual({ ...settingsOf({ ownDomains: ["seller.com"] }), accounts: [], decisionMakers: [] });
  });
});

describe("a Salesforce export (semicolons, BOM, CRLF, a quoted multi-line title) merged into existing settings", () => {
  const existing = settingsOf({
    timeZone: "America/New_York",
    ownDomains: ["seller.com"],
    accounts: [
      { name: "Acme", domains: ["acme.com"], tier: "dream" },
      { name: "Contoso Ltd", domains: ["contoso.com"], tier: "a-list" },
    ],
    decisionMakers: [{ email: "dana.ruiz@acme.com", name: "Dana Ruiz", title: "CFO" }],
  });
  const before = JSON.stringify(existing);
  const { settings, report } = imported(fixture("salesforce-contacts.csv"), existing);

  test("accounts matched by name or domain are updated (an explicit tier wins), others are added after them", () => {
    expect(settings.accounts).toEqual([
      { name: "Acme", domains: ["acme.com"], tier: "a-list" },
      { name: "Contoso Ltd", domains: ["contoso.com"], tier: "pain" },
      { name: "Société Générale de Logiciels", domains: ["sgl.fr"], tier: "dream" },
      { name: "Northwind Traders", domains: ["northwind.example.com"], tier: "dream" },
      { name: "Tanaka & Partners", domains: ["tanaka-partners.jp"], tier: "dream" },
      { name: "Litware", domains: ["litware.com"], tier: "a-list" },
    ]);
  });

  test("decision-makers are merged by email, case-insensitively, with the new title", () => {
    expect(settings.decisionMakers).toEqual([
      { email: "dana.ruiz@acme.com", name: "Dana Ruiz", title: "Chief Financial Officer" },
      { email: "oliver.brown@northwind.example.com", name: "Oliver Brown", title: "SVP Engineering" },
      { email: "yuki@tanaka-partners.jp", name: "Yuki Tanaka", title: "Managing Partner" },
      { email: "raj.patel@litware.com", name: "Raj Patel", title: "Head of Sales EMEA" },
    ]);
  });

  test("row numbers are spreadsheet rows: the multi-line title is one row", () => {
    expect(report).toEqual({
      rowsRead: 8,
      accountsAdded: 4,
      accountsUpdated: 2,
      decisionMakersAdded: 3,
      decisionMakersUpdated: 1,
      skipped: [
        { row: 7, reason: 'decision-maker title "Director" but no email' },
        { row: 9, reason: 'unknown tier "platinum" (expected dream, a-list or pain)' },
      ],
    });
  });

  test("the input settings are not changed", () => {
    expect(JSON.stringify(existing)).toBe(before);
  });

  test("importing the same file twice changes nothing the second time", () => {
    const again = imported(fixture("salesforce-contacts.csv"), settings);
    expect(again.settings).toEqual(settings);
    expect(again.report).toMatchObject({ accountsAdded: 0, accountsUpdated: 0, decisionMakersAdded: 0, decisionMakersUpdated: 0 });
  });
});

describe("decision-maker titles", () => {
  const titles = [
    ["VP Sales", true],
    ["Vice President, Procurement", true],
    ["SVP Engineering", true],
    ["Chief Revenue Officer", true],
    ["CEO & Co-founder", true],
    ["Head of IT", true],
    ["Managing Director", true],
    ["President", true],
    ["Owner", true],
    ["Founder", true],
    ["Partner", true],
    ["Managing Partner", true],
    ["Assistant to the CFO", false],
    ["Executive Assistant to the CEO", false],
    ["Product Owner", false],
    ["Partner Manager", false],
    ["Sales Operations Manager", false],
    ["Account Executive", false],
    ["Directeur Commercial", false],
    ["", false],
  ] as const;

  test.each(titles)("%s → decision-maker: %s", (title, expected) => {
    const { settings } = imported(`Email,Job Title,Company\npat@acme.com,"${title}",Acme\n`);
    expect(settings.decisionMakers.length).toBe(expected ? 1 : 0);
  });

  test("the patterns can be replaced: only Buyers, and no exclusions", () => {
    const csv = "Email,Title,Account Name\nlena@litware.com,Senior Buyer,Litware\ndana@acme.com,CFO,Acme\nbo@acme.com,Assistant Buyer,Acme\n";
    const { settings } = imported(csv, undefined, { decisionMakerTitles: ["\\bbuyer\\b"], nonDecisionMakerTitles: [] });
    expect(settings.decisionMakers.map((d) => d.email)).toEqual(["lena@litware.com", "bo@acme.com"]);
  });

  test("a pattern that is not a regular expression is an input error naming it", () => {
    expect(failure("Email\na@acme.com\n", { decisionMakerTitles: ["(unclosed"] }).message).toBe(
      'decisionMakerTitles has a pattern that is not a valid regular expression: "(unclosed"',
    );
  });
});

describe("domains, emails and tiers", () => {
  test("websites lose scheme, www., port, path and case; subdomain websites are kept unless the email domain covers them", () => {
    const csv = [
      "Company,Website,Email",
      "Acme,HTTPS://WWW.Acme.com:8443/about?ref=x#top,",
      "Beta,http://eu.shop.beta.co.uk/,",
      "Gamma,https://app.gamma.dev/login,ravi@gamma.dev",
      "Delta,delta.com.,",
    ].join("\n");
    expect(imported(csv).settings.accounts.map((a) => [a.name, a.domains])).toEqual([
      ["Acme", ["acme.com"]],
      ["Beta", ["eu.shop.beta.co.uk"]],
      ["Gamma", ["gamma.dev"]],
      ["Delta", ["delta.com"]],
    ]);
  });

  test("a row with a domain and no company is named after its domain; free-mail addresses give no domain", () => {
    const csv = "Email,Company\nceo@omega.ai,\nbob@gmail.com,Bob's Plumbing\n";
    const { settings, report } = imported(csv);
    expect(settings.accounts).toEqual([{ name: "omega.ai", domains: ["omega.ai"], tier: "dream" }]);
    expect(report.skipped).toEqual([{ row: 3, reason: 'company "Bob\'s Plumbing" has no domain: add a website or domain column, or a work email' }]);
  });

  test("a company without a domain updates the existing account of that name", () => {
    const existing = settingsOf({ accounts: [{ name: "Bob's Plumbing", domains: ["bobsplumbing.com"], tier: "dream" }] });
    const { settings, report } = imported("Email,Company,Tier\nbob@gmail.com,bob's plumbing,pain\n", existing);
    expect(settings.accounts).toEqual([{ name: "Bob's Plumbing", domains: ["bobsplumbing.com"], tier: "pain" }]);
    expect(report).toMatchObject({ accountsAdded: 0, accountsUpdated: 1, skipped: [] });
  });

  test("a new domain is added to an account matched by name; a subdomain of one it has is not", () => {
    const existing = settingsOf({ accounts: [{ name: "Acme", domains: ["acme.com"], tier: "a-list" }] });
    const { settings, report } = imported("Company,Domain\nACME,acme.de\nAcme,eu.acme.com\n", existing);
    expect(settings.accounts).toEqual([{ name: "Acme", domains: ["acme.com", "acme.de"], tier: "a-list" }]);
    expect(report.accountsUpdated).toBe(1);
  });

  test("a row without a tier keeps the existing tier and gives new accounts options.defaultTier", () => {
    const existing = settingsOf({ accounts: [{ name: "Acme", domains: ["acme.com"], tier: "pain" }] });
    const { settings } = imported("Company,Domain\nAcme,acme.com\nBeta,beta.io\n", existing, { defaultTier: "a-list" });
    expect(settings.accounts.map((a) => [a.name, a.tier])).toEqual([
      ["Acme", "pain"],
      ["Beta", "a-list"],
    ]);
  });

  test.each([
    ["dream", "dream"],
    ["Dream Client", "dream"],
    ["A-List", "a-list"],
    ["a list", "a-list"],
    ["A", "a-list"],
    ["PAIN", "pain"],
  ])("tier %s → %s", (value, tier) => {
    expect(imported(`Company,Domain,Tier\nAcme,acme.com,${value}\n`).settings.accounts[0]!.tier).toBe(tier);
  });

  test("an address with a display name or two @ is an invalid email", () => {
    const { report } = imported('Email,Company\n"Dana <dana@acme.com>",Acme\na@b@acme.com,Acme\n');
    expect(report.skipped.map((s) => s.row)).toEqual([2, 3]);
    expect(report.skipped[0]!.reason).toBe('invalid email "Dana <dana@acme.com>"');
  });
});

describe("column names", () => {
  test("are matched ignoring case, spaces and underscores", () => {
    const csv = "EMAIL_ADDRESS,job_title,COMPANY_NAME,company_domain_name,First_Name,Last_Name\ndana@acme.com,CFO,Acme,acme.com,Dana,Ruiz\n";
    const { settings } = imported(csv);
    expect(settings.accounts).toEqual([{ name: "Acme", domains: ["acme.com"], tier: "dream" }]);
    expect(settings.decisionMakers).toEqual([{ email: "dana@acme.com", name: "Dana Ruiz", title: "CFO" }]);
  });

  test("a full name column is used when there are no first and last names", () => {
    const { settings } = imported("Contact Name,Contact Email,Title,Account\nDana Ruiz,dana@acme.com,CFO,Acme\n");
    expect(settings.decisionMakers).toEqual([{ email: "dana@acme.com", name: "Dana Ruiz", title: "CFO" }]);
  });

  test("the first non-empty of several company columns wins", () => {
    const { settings } = imported("Company Name,Associated Company,Domain\n,Acme Holdings,acme.com\n");
    expect(settings.accounts[0]!.name).toBe("Acme Holdings");
  });
});

describe("files that cannot be imported", () => {
  test("an empty file is an input error naming the expected columns", () => {
    for (const text of ["", "\uFEFF", "\n\n  \n"]) {
      const error = failure(text);
      expect(error.kind).toBe("InputError");
      expect(error.message).toMatch(/^the CSV file is empty: expected a header row with a company column \("Company", "Company name"/);
    }
  });

  test("a file with no recognisable columns is an input error naming what it expected and what it found", () => {
    const error = failure("Deal Name;Amount;Stage\nBig deal;10000;Won\n");
    expect(error.message).toBe(
      'the CSV file has no recognisable columns: expected a company column ("Company", "Company name", "Associated Company", "Account Name", "Account"), ' +
        'a domain or website column ("Company Domain Name", "Domain", "Website", "Company Website", "Account Website", "Website URL") ' +
        'or an email column ("Email", "Email Address", "Contact Email"); its header row has "Deal Name", "Amount", "Stage"',
    );
  });

  test("a quote that is never closed is an input error naming the row", () => {
    expect(failure('Email,Company\nok@acme.com,Acme\n"dana@acme.com,Acme\nlee@acme.com,Acme\n').message).toMatch(/^the CSV file has a quote that is not closed in row 3/);
  });

  test("a header with no rows imports nothing and says so", () => {
    const { settings, report } = imported("Email,Company,Website\n");
    expect(settings.accounts).toEqual([]);
    expect(report).toEqual({ rowsRead: 0, accountsAdded: 0, accountsUpdated: 0, decisionMakersAdded: 0, decisionMakersUpdated: 0, skipped: [] });
  });
});
