import fc from "fast-check";
import { CsvQuoteError, detectDelimiter, parseCsv, type CsvDelimiter, type CsvTable } from "../../shared/import/csv";

const rowsOf = (text: string, delimiter?: CsvDelimiter): string[][] => table(text, delimiter).rows;
const table = (text: string, delimiter?: CsvDelimiter): CsvTable => {
  const result = parseCsv(text, delimiter ? { delimiter } : {});
  if (!result.ok) throw result.error;
  return result.value;
};
const quoteError = (text: string): CsvQuoteError => {
  const result = parseCsv(text);
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value.rows)}`);
  return result.error;
};

/** Writes rows as CSV the way spreadsheets do: a field is quoted when it must be (or when `quoteAlso` says so). */
const serialize = (rows: readonly (readonly string[])[], delimiter: string, newline: string, quoteAlso: (field: string) => boolean = () => false): string =>
  rows
    .map((row) =>
      row
        .map((field) =>
          field.includes(delimiter) || /["\r\n]/.test(field) || (row.length === 1 && field === "") || quoteAlso(field) ? `"${field.replace(/"/g, '""')}"` : field,
        )
        .join(delimiter),
    )
    .join(newline);

describe("parseCsv: records and fields", () => {
  test("a header and rows, LF line ends, a trailing line end adds no record", () => {
    expect(table("Email,Company\ndana@acme.com,Acme\nlee@beta.io,Beta\n")).toEqual({
      delimiter: ",",
      rows: [
        ["Email", "Company"],
        ["dana@acme.com", "Acme"],
        ["lee@beta.io", "Beta"],
      ],
    });
  });

  test("CRLF and lone CR line ends are line ends too", () => {
    expect(rowsOf("a,b\r\nc,d\r\n")).toEqual([["a", "b"], ["c", "d"]]);
    expect(rowsOf("a,b\rc,d")).toEqual([["a", "b"], ["c", "d"]]);
    expect(rowsOf("a,b\nc,d\r\ne,f\rg,h")).toEqual([["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]]);
  });

  test("a byte order mark is not part of the first field", () => {
    expect(rowsOf("\uFEFFEmail;Company\r\nx@acme.com;Acme\r\n")).toEqual([["Email", "Company"], ["x@acme.com", "Acme"]]);
  });

  test("quoted fields: the delimiter, doubled quotes and line breaks inside are kept verbatim", () => {
    expect(rowsOf('Name,Title,Company\n"Ruiz, Dana","The ""Closer""","Acme\r\nEMEA"\n')).toEqual([
      ["Name", "Title", "Company"],
      ["Ruiz, Dana", 'The "Closer"', "Acme\r\nEMEA"],
    ]);
    expect(rowsOf('a,""\n"",b\n""""')).toEqual([["a", ""], ["", "b"], ['"']]);
  });

  test("fields are not trimmed; empty fields and a trailing delimiter give empty strings", () => {
    expect(rowsOf(" a , b ,\n,,\n")).toEqual([[" a ", " b ", ""], ["", "", ""]]);
    expect(rowsOf("a,b,")).toEqual([["a", "b", ""]]);
  });

  test("an empty line is the record [\"\"], so record i is row i + 1 of the file even after a multi-line field", () => {
    const rows = rowsOf('Email,Title\n\nx@acme.com,"Head of\nSales"\n\r\ny@acme.com,CFO\n');
    expect(rows).toEqual([["Email", "Title"], [""], ["x@acme.com", "Head of\nSales"], [""], ["y@acme.com", "CFO"]]);
  });

  test("an empty text has no records", () => {
    expect(rowsOf("")).toEqual([]);
    expect(rowsOf("\uFEFF")).toEqual([]);
  });

  test("a quote inside an unquoted field is an ordinary character", () => {
    expect(rowsOf('Name,Nick\nDana,Dana "DJ" Ruiz\nJo,5\'11"\n')).toEqual([["Name", "Nick"], ["Dana", 'Dana "DJ" Ruiz'], ["Jo", "5'11\""]]);
  });

  test("text after a closing quote is kept as it is, as spreadsheets do", () => {
    expect(rowsOf('a,b\n"Acme" Inc,x\n"Acme" ,y\n')).toEqual([["a", "b"], ["Acme Inc", "x"], ["Acme ", "y"]]);
  });

  test("a given delimiter wins over the one the header suggests", () => {
    expect(table("a;b,c\n1;2,3\n", ",")).toEqual({ delimiter: ",", rows: [["a;b", "c"], ["1;2", "3"]] });
  });
});

describe("parseCsv: the delimiter is found in the header line", () => {
  test.each([
    ["Email,Company,Title\nx;y,z,w\n", ","],
    ["Email;Company;Title\nx,y;z;w\n", ";"],
    ["Email\tCompany\tTitle\nx,y\tz\tw\n", "\t"],
    ['"Name, full";Email;Company\n', ";"],
    ['"Name; full",Email\n', ","],
    ['"Name\n(full)";"Email, work"\n', ";"],
    ["Email\n", ","],
    ["a,b;c\n", ","],
    ["a;b\tc\n", ";"],
    ["\n\n  \nEmail;Company\n", ";"],
    ["", ","],
  ])("%j → %j", (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
    expect(table(text).delimiter).toBe(delimiter);
  });

  test("the rows that follow do not change it: a semicolon header reads its rows with semicolons", () => {
    expect(rowsOf("Company;Website\nPain Co, Inc.;pain-co.com\n")).toEqual([["Company", "Website"], ["Pain Co, Inc.", "pain-co.com"]]);
  });
});

describe("parseCsv: a quote that is never closed", () => {
  test("is an input error naming the row and the line where it opened, and showing the field", () => {
    const error = quoteError('Email,Company\nok@acme.com,Acme\n"dana@acme.com,Acme\nlee@acme.com,Acme\n');
    expect(error).toBeInstanceOf(CsvQuoteError);
    expect(error.kind).toBe("InputError");
    expect(error.row).toBe(3);
    expect(error.line).toBe(3);
    expect(error.message).toBe(
      'the CSV file has a quote that is not closed in row 3 (line 3 of the file): the quoted field "dana@acme.com,Acme…" runs to the end of the file; ' +
        'close it with a quote, or write a quote inside a quoted field as two quotes ("")',
    );
  });

  test("row and line differ after a field with line breaks", () => {
    const error = quoteError('Email,Title\r\nx@acme.com,"Head of\r\nSales\r\nEMEA"\r\ny@acme.com,"CFO\r\n');
    expect([error.row, error.line]).toEqual([3, 5]);
    expect(error.message).toContain('the quoted field "CFO…"');
  });

  test("a long field is shown cut at 40 characters; one that ends the file is shown whole", () => {
    expect(quoteError(`a,b\nx,"${"y".repeat(60)}`).message).toContain(`"${"y".repeat(40)}…"`);
    expect(quoteError('a,b\nx,"yz').message).toContain('the quoted field "yz" runs');
  });

  test("a doubled quote does not close a field", () => {
    expect(quoteError('a\n"x""\n').row).toBe(2);
  });
});

describe("parseCsv properties", () => {
  const chars = fc.constantFrom("a", "Z", "é", "😀", " ", "\t", ",", ";", '"', "'", "\r", "\n", "\r\n", "@", ".");
  const field = fc.string({ unit: chars, maxLength: 12 });
  const newline = fc.constantFrom("\n", "\r\n");

  test("rows written with quoting and read back with the same delimiter are the same rows", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom<CsvDelimiter>(",", ";", "\t"),
        newline,
        fc.boolean(),
        fc.boolean(),
        (rows, delimiter, nl, bom, trailingNewline) => {
          const text = `${bom ? "\uFEFF" : ""}${serialize(rows, delimiter, nl)}${trailingNewline ? nl : ""}`;
          expect(table(text, delimiter)).toEqual({ delimiter, rows });
        },
      ),
      { numRuns: 400 },
    );
  });

  test("rows of two or more columns, every delimiter character quoted, are read back with the delimiter found in the header", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }).chain((width) => fc.array(fc.array(field, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 })),
        fc.constantFrom<CsvDelimiter>(",", ";", "\t"),
        newline,
        (rows, delimiter, nl) => {
          const text = serialize(rows, delimiter, nl, (f) => /[,;\t]/.test(f));
          expect(table(text)).toEqual({ delimiter, rows });
        },
      ),
      { numRuns: 400 },
    );
  });

  test("any text is either read or refused with a quote error; nothing throws", () => {
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 60 }), (text) => {
        const result = parseCsv(text);
        if (result.ok) {
          const lines = text.split(/\r\n|\r|\n/).length;
          expect(result.value.rows.length).toBeLessThanOrEqual(lines);
        } else {
          expect(result.error).toBeInstanceOf(CsvQuoteError);
          expect(result.error.line).toBeLessThanOrEqual(text.split(/\r\n|\r|\n/).length);
          expect(result.error.row).toBeLessThanOrEqual(result.error.line);
        }
      }),
      { numRuns: 500 },
    );
  });
});
