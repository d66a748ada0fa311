import { InputError } from "../errors";
import { printable } from "../text/printable";
import { err, ok, type Result } from "../result";

/** The field separators a CRM export uses: comma, semicolon (European Excel), tab. */
export type CsvDelimiter = "," | ";" | "\t";

const DELIMITERS: readonly CsvDelimiter[] = [",", ";", "\t"];

/** A CSV file read into records. */
export interface CsvTable {
  /** The field separator: the one given, else the one found in the header line. */
  readonly delimiter: CsvDelimiter;
  /**
   * Every record of the file in order, fields verbatim (not trimmed, quotes removed, `""` read
   * as `"`, line breaks inside quoted fields kept). An empty line is the record `[""]`, so
   * `rows[i]` is row i + 1 of the file as a spreadsheet shows it.
   */
  readonly rows: string[][];
}

/** How a CSV file is read. */
export interface CsvOptions {
  /** The field separator; by default the one of `,` `;` tab that splits the header line into the most fields. */
  readonly delimiter?: CsvDelimiter;
}

/** A quoted field that never ends: `row` is the record it opened in (1-based), `line` the text line. */
export class CsvQuoteError extends InputError {
  readonly row: number;
  readonly line: number;
  /** `fieldText`: the start of the text after the opening quote. */
  constructor(row: number, line: number, fieldText: string) {
    const firstLine = fieldText.split(/\r|\n/, 1)[0] ?? "";
    const shown = printable(firstLine, Infinity).slice(0, 40);
    const preview = shown.length < fieldText.length ? `${shown}…` : shown;
    super(
      `the CSV file has a quote that is not closed in row ${row} (line ${line} of the file): the quoted field "${preview}" runs to the end of the file; ` +
        `close it with a quote, or write a quote inside a quoted field as two quotes ("")`,
    );
    this.row = row;
    this.line = line;
  }
}

/** `headerClean`: the first non-blank record uses quotes only around whole fields (for `detectDelimiter`). */
type Scan = { ok: true; rows: string[][]; headerClean: boolean } | { ok: false; row: number; line: number; fieldStart: string };

const QUOTE = 34; // "
const CR = 13;
const LF = 10;

/**
 * Reads records with one delimiter (RFC 4180, leniently: a line may end in CRLF, LF or CR; text
 * after a closing quote is kept as it is, as spreadsheets do). Stops after `limit` records that
 * are not blank.
 */
const scan = (text: string, delimiter: CsvDelimiter, limit = Infinity): Scan => {
  const rows: string[][] = [];
  const sep = delimiter.charCodeAt(0);
  const n = text.length;
  let fields: string[] = [];
  let i = 0;
  let line = 1;
  let nonBlank = 0;
  let clean = true;
  let headerClean = true;
  const endRecord = (): boolean => {
    rows.push(fields);
    if (fields.length > 1 || (fields[0] ?? "").trim() !== "") {
      if (nonBlank === 0) headerClean = clean;
      nonBlank++;
    }
    fields = [];
    clean = true;
    return nonBlank >= limit;
  };
  /** Skips one line break at `at`; returns the index after it. */
  const lineBreak = (at: number): number => (text.charCodeAt(at) === CR && text.charCodeAt(at + 1) === LF ? at + 2 : at + 1);

  while (i < n) {
    // One field, starting at i.
    let value = "";
    const quoted = text.charCodeAt(i) === QUOTE;
    if (quoted) {
      const openRow = rows.length + 1;
      const openLine = line;
      const start = i;
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close < 0) return { ok: false, row: openRow, line: openLine, fieldStart: text.slice(start + 1, start + 80) };
        value += text.slice(i, close);
        line += countLines(text, i, close);
        if (text.charCodeAt(close + 1) === QUOTE) {
          value += '"';
          i = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
    }
    // Unquoted text (or text after a closing quote) up to the delimiter or the end of the line.
    let j = i;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === sep || c === LF || c === CR) break;
      if (c === QUOTE) clean = false;
      j++;
    }
    if (quoted && j > i) clean = false;
    value += text.slice(i, j);
    fields.push(value);
    if (j >= n) {
      endRecord();
      return { ok: true, rows, headerClean };
    }
    const c = text.charCodeAt(j);
    if (c === sep) {
      i = j + 1;
      // A delimiter at the very end: the record ends with an empty field.
      if (i >= n) {
        fields.push("");
        endRecord();
        return { ok: true, rows, headerClean };
      }
      continue;
    }
    i = lineBreak(j);
    line++;
    if (endRecord()) return { ok: true, rows, headerClean };
  }
  return { ok: true, rows, headerClean };
};

const countLines = (text: string, from: number, to: number): number => {
  let lines = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === LF || (c === CR && text.charCodeAt(k + 1) !== LF)) lines++;
  }
  return lines;
};

/**
 * The delimiter of `,` `;` tab that splits the first non-blank line (the header; a quoted
 * field may span lines) into the most fields, quotes only around whole fields counting first;
 * `,` when none splits it. Ties go to `,`, then `;`.
 * @example detectDelimiter('Name;"Company, Inc.";Email\n…') → ";"
 */
export const detectDelimiter = (text: string): CsvDelimiter => {
  let best: CsvDelimiter = ",";
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const read = scan(text, d, 1);
    if (!read.ok) continue;
    const fields = read.rows[read.rows.length - 1]?.length ?? 1;
    // A split that leaves a quote inside a field loses to one that quotes whole fields.
    const score = fields > 1 ? fields + (read.headerClean ? 1e6 : 0) : 0;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
};

/**
 * Reads a CSV file (RFC 4180: optional BOM, a header row first, fields quoted with `"` and a
 * quote inside written `""`, line breaks inside quoted fields, CRLF or LF line ends) into
 * records. The delimiter, unless given, is found in the header line. A quote that is never
 * closed is an error naming the row where it opened.
 * @example parseCsv('Email;Company\r\ndana@acme.com;"Acme; Inc."\r\n') → ok({ delimiter: ";", rows: [["Email", "Company"], ["dana@acme.com", "Acme; Inc."]] })
 * @example parseCsv('Email,Company\n"dana@acme.com,Acme\n') → err(CsvQuoteError: "the CSV file has a quote that is not closed in row 2 …")
 */
export const parseCsv = (csvText: string, options: CsvOptions = {}): Result<CsvTable, CsvQuoteError> => {
  const text = csvText.charCodeAt(0) === 0xfeff ? csvText.slice(1) : csvText;
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const read = scan(text, delimiter);
  if (!read.ok) return err(new CsvQuoteError(read.row, read.line, read.fieldStart));
  return ok({ delimiter, rows: read.rows });
};
