/**
 * Reads what the add-on needs from an Apps Script event object: the user's zone, the action's
 * parameters and the form's inputs. Both the `commonEventObject` shape and the older top-level
 * fields are read, because Calendar still fills some of the latter.
 */

/** The parts of a Google Workspace add-on event object this add-on reads. */
export interface AddOnEvent {
  readonly commonEventObject?: {
    readonly timeZone?: { readonly id?: string; readonly offset?: number };
    readonly userLocale?: string;
    readonly parameters?: Readonly<Record<string, string>>;
    readonly formInputs?: Readonly<Record<string, { readonly stringInputs?: { readonly value?: readonly string[] } }>>;
  };
  readonly userTimezone?: { readonly id?: string };
  readonly parameters?: Readonly<Record<string, string>>;
  readonly formInput?: Readonly<Record<string, string>>;
  readonly formInputs?: Readonly<Record<string, readonly string[]>>;
}

/**
 * The user's zone from the event object (filled with `useLocaleFromApp` and `script.locale`), or null.
 * @example eventZone({ commonEventObject: { timeZone: { id: "America/New_York", offset: -18000000 } } }) → "America/New_York"
 */
export const eventZone = (e: AddOnEvent | undefined): string | null =>
  e?.commonEventObject?.timeZone?.id || e?.userTimezone?.id || null;

/**
 * An action parameter, or "" when absent.
 * @example param({ commonEventObject: { parameters: { weekOf: "2026-12-01" } } }, "weekOf") → "2026-12-01"
 */
export const param = (e: AddOnEvent | undefined, name: string): string =>
  e?.commonEventObject?.parameters?.[name] ?? e?.parameters?.[name] ?? "";

/**
 * A text input's value, or "" when the field was left empty (Apps Script omits empty fields).
 * @example formValue({ commonEventObject: { formInputs: { dream: { stringInputs: { value: ["Acme: acme.com"] } } } } }, "dream") → "Acme: acme.com"
 */
export const formValue = (e: AddOnEvent | undefined, name: string): string => {
  const common = e?.commonEventObject?.formInputs?.[name]?.stringInputs?.value;
  if (common && common.length > 0) return common.join(",");
  const legacy = e?.formInputs?.[name];
  if (legacy && legacy.length > 0) return legacy.join(",");
  return e?.formInput?.[name] ?? "";
};
