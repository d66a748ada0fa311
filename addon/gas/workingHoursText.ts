/**
 * Working hours as the settings card shows them: one rule per line, "Mon–Fri 09:00–17:00".
 */

const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

/** A rule as the schema takes it (days are ISO weekdays). */
export interface HoursRule {
  readonly days: number[];
  readonly start: string;
  readonly end: string;
}

const FULL_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;

/** "Mon", "monday", "Tues" → ISO weekday; null unless the word starts exactly one day's name (2+ letters). */
const dayNumber = (word: string): number | null => {
  const w = word.trim().toLowerCase().replace(/\.$/, "");
  if (w.length < 2) return null;
  const hits = FULL_NAMES.flatMap((name, i) => (name.startsWith(w) ? [i + 1] : []));
  return hits.length === 1 ? (hits[0] ?? null) : null;
};

/**
 * "Mon–Fri" → [1,2,3,4,5]; "Mon, Wed" → [1,3]; "Sat" → [6]; null when a word is not a day.
 */
const parseDays = (text: string): number[] | null => {
  const days = new Set<number>();
  for (const part of text.split(",")) {
    const range = part.split(/[-–]/);
    if (range.length === 1) {
      const d = dayNumber(range[0] ?? "");
      if (d === null) return null;
      days.add(d);
    } else if (range.length === 2) {
      const from = dayNumber(range[0] ?? "");
      const to = dayNumber(range[1] ?? "");
      if (from === null || to === null) return null;
      for (let d = from; ; d = (d % 7) + 1) {
        days.add(d);
        if (d === to) break;
      }
    } else return null;
  }
  return days.size > 0 ? [...days].sort((a, b) => a - b) : null;
};

const TIME = /^(\d{1,2}):(\d{2})$/;
const normalTime = (t: string): string => {
  const m = TIME.exec(t.trim());
  return m ? `${(m[1] ?? "").padStart(2, "0")}:${m[2]}` : t.trim();
};

/**
 * One line into a rule, or null when it does not read as days and two times.
 * @example parseHoursLine("Mon-Fri 9:00-17:30") → { days: [1,2,3,4,5], start: "09:00", end: "17:30" }
 */
export const parseHoursLine = (line: string): HoursRule | null => {
  const m = /^\s*(.+?)\s+(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})\s*$/.exec(line);
  if (!m) return null;
  const days = parseDays((m[1] ?? "").replace(/\s+/g, ""));
  if (!days) return null;
  return { days, start: normalTime(m[2] ?? ""), end: normalTime(m[3] ?? "") };
};

/**
 * A rule as one line, consecutive days as a range.
 * @example hoursLine({ days: [1,2,3,4,5], start: "09:00", end: "17:00" }) → "Mon–Fri 09:00–17:00"
 */
export const hoursLine = (rule: { readonly days: readonly number[]; readonly start: string; readonly end: string }): string => {
  const sorted = [...new Set(rule.days)].sort((a, b) => a - b);
  const groups: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
    const from = DAY_NAMES[(sorted[i] ?? 1) - 1] ?? "?";
    const to = DAY_NAMES[(sorted[j] ?? 1) - 1] ?? "?";
    groups.push(j - i >= 2 ? `${from}–${to}` : j === i ? from : `${from}, ${to}`);
    i = j + 1;
  }
  return `${groups.join(", ")} ${rule.start}–${rule.end}`;
};
