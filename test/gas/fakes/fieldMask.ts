/**
 * Google's partial-response `fields` parameter, as the fakes apply it: "a,b(c,d),e/f" keeps a
 * whole, only c and d of b (of each element when b is a list), and only f of e.
 */
export type FieldTree = Map<string, FieldTree | true>;

const merge = (tree: FieldTree, path: readonly string[], sub: FieldTree | true): void => {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    const had = tree.get(head);
    if (had instanceof Map && sub instanceof Map) for (const [k, v] of sub) had.set(k, v);
    else tree.set(head, had === true ? true : sub);
    return;
  }
  let next = tree.get(head);
  if (next === true) return;
  if (!next) tree.set(head, (next = new Map()));
  merge(next, rest, sub);
};

/**
 * @example parseFields("nextPageToken,items(id,start)") → Map { nextPageToken → true, items → Map { id → true, start → true } }
 */
export const parseFields = (text: string): FieldTree => {
  let i = 0;
  const list = (): FieldTree => {
    const tree: FieldTree = new Map();
    while (i < text.length && text[i] !== ")") {
      let name = "";
      while (i < text.length && !",()".includes(text[i]!)) name += text[i++];
      let sub: FieldTree | true = true;
      if (text[i] === "(") {
        i++;
        sub = list();
        if (text[i++] !== ")") throw new Error(`fields: ")" missing in ${text}`);
      }
      if (name.trim() === "") throw new Error(`fields: an empty name in ${text}`);
      merge(tree, name.trim().split("/"), sub);
      if (text[i] === ",") i++;
    }
    return tree;
  };
  const tree = list();
  if (i !== text.length) throw new Error(`fields: unexpected ")" in ${text}`);
  return tree;
};

/** `value` with only the fields of `tree` (lists element by element). */
export const projectFields = (value: unknown, tree: FieldTree | true): unknown => {
  if (tree === true || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => projectFields(v, tree));
  const out: Record<string, unknown> = {};
  for (const [key, sub] of tree) {
    if (key in value) out[key] = projectFields((value as Record<string, unknown>)[key], sub);
  }
  return out;
};
