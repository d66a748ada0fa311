// JSON laid out for a person to edit: a list or an object that fits on its line stays on one line
// (`"days": [1, 2, 3, 4, 5]`, one account per line), anything longer is indented two spaces a level.

const WIDTH = 80;

const oneLine = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(oneLine).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return entries.length === 0 ? "{}" : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${oneLine(v)}`).join(", ")} }`;
  }
  return JSON.stringify(value);
};

const layout = (value: unknown, indent: number, used: number): string => {
  const flat = oneLine(value);
  if (value === null || typeof value !== "object" || (indent > 0 && used + flat.length <= WIDTH)) return flat;
  const pad = " ".repeat(indent + 2);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((v) => `${pad}${layout(v, indent + 2, pad.length)}`).join(",\n")}\n${" ".repeat(indent)}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return "{}";
  return `{\n${entries
    .map(([k, v]) => {
      const head = `${pad}${JSON.stringify(k)}: `;
      return `${head}${layout(v, indent + 2, head.length)}`;
    })
    .join(",\n")}\n${" ".repeat(indent)}}`;
};

/**
 * The same value as JSON.stringify, laid out for editing; ends with a newline.
 * @example editableJson({ ownDomains: ["acme.com"] }) → '{\n  "ownDomains": ["acme.com"]\n}\n'
 */
export const editableJson = (value: unknown): string => `${layout(value, 0, 0)}\n`;
