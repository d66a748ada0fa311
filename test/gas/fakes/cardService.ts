/**
 * A recording fake of CardService. Every `newX()` gives a builder that records each call
 * (`setText("…")`, `addWidget(w)`, `build()`) in order and returns itself, so a test can walk the
 * built card as plain data: its texts, its buttons and their actions' parameters. Enum values
 * (`CardService.TextButtonStyle.FILLED`) are their names.
 *
 * Real CardService behaviour the fake enforces: action parameters are strings, a function name
 * and field name are non-empty strings, texts are strings.
 */

export interface Call {
  readonly method: string;
  readonly args: readonly unknown[];
}

/** A built object: what kind (`CardBuilder`, `DecoratedText`, …) and every call made on it. */
export interface Recorded {
  readonly kind: string;
  readonly calls: Call[];
}

const TEXT_SETTERS = new Set(["setText", "setTopLabel", "setBottomLabel", "setTitle", "setSubtitle", "setHeader", "setHint", "setValue", "setAltText"]);

const check = (kind: string, method: string, args: readonly unknown[]): void => {
  if (kind === "Action" && method === "setParameters") {
    const params = args[0];
    if (params === null || typeof params !== "object") throw new Error("Action.setParameters: parameters must be an object");
    for (const [k, v] of Object.entries(params)) {
      if (typeof v !== "string") throw new Error(`Action.setParameters: parameter ${k} must be a string, got ${typeof v}`);
    }
  }
  if (method === "setFunctionName" || method === "setFieldName") {
    if (typeof args[0] !== "string" || args[0] === "") throw new Error(`${kind}.${method}: must be a non-empty string`);
  }
  const takesBuilder = kind === "CardBuilder" && method === "setHeader";
  if (TEXT_SETTERS.has(method) && !takesBuilder && typeof args[0] !== "string") throw new Error(`${kind}.${method}: text must be a string, got ${typeof args[0]}`);
};

const builder = (kind: string): Recorded => {
  const record: Recorded = { kind, calls: [] };
  const proxy: Recorded = new Proxy(record, {
    get(target, prop) {
      if (prop === "kind" || prop === "calls") return target[prop];
      if (typeof prop !== "string" || prop === "then" || prop === "toJSON") return undefined;
      return (...args: unknown[]) => {
        check(kind, prop, args);
        target.calls.push({ method: prop, args });
        return proxy;
      };
    },
  });
  return proxy;
};

const enumOf = (name: string) => new Proxy({}, { get: (_t, value) => (typeof value === "string" ? `${name}.${value}` : undefined) });

/** A fresh fake CardService. */
export const fakeCardService = (): unknown =>
  new Proxy(
    {},
    {
      get(_t, prop) {
        if (typeof prop !== "string") return undefined;
        if (prop.startsWith("new")) return () => builder(prop.slice(3));
        return enumOf(prop);
      },
    },
  );

/** Is this value a recorded builder? */
export const isRecorded = (value: unknown): value is Recorded =>
  value !== null && typeof value === "object" && typeof (value as Recorded).kind === "string" && Array.isArray((value as Recorded).calls);
