/**
 * A number typed by a person into a settings form, read the same way in every host: spaces,
 * underscores and currency signs are ignored; commas grouping thousands are ignored ("1,000",
 * "100,000.50"); a lone comma before one or two digits, or more than three, is a decimal comma
 * ("0,5"); "50%" is 0.5 where a fraction is asked for. Undefined when blank, NaN when not a number
 * (the schema then names the field).
 * @example formNumber("$100,000") → 100000; formNumber("0,5") → 0.5; formNumber("50%", { percent: true }) → 0.5; formNumber(" ") → undefined
 */
export const formNumber = (text: string | undefined | null, options: { readonly percent?: boolean } = {}): number | undefined => {
  let t = (text ?? "").trim().replace(/[\s_$€£]/g, "");
  if (t === "") return undefined;
  let scale = 1;
  if (options.percent && t.endsWith("%")) {
    t = t.slice(0, -1);
    scale = 0.01;
  }
  if (t.includes(",")) {
    if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, "");
    else if (/^[+-]?\d*,\d+$/.test(t) && !t.includes(".")) t = t.replace(",", ".");
    else return Number.NaN;
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return Number.NaN;
  return Number(t) * scale;
};
