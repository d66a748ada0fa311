import type { GraphClient as Client } from "./graphClient";
import { DateTime } from "luxon";
import { applySuggestion, type BookActionView, bookingMessage, defaultSettings, errorView, InputError, type NextWeekError, normalizeGraphEvents, prepareWeek, type PreparedWeek, type Settings, type StoredSettings, type SuggestionChoice, weekScreen } from "../../shared";
import { replaceChildren } from "./dom";
import { readCalendarView } from "./graphCalendarSource";
import type { RequestBudget } from "./requestBudget";
import { createGraphCalendarWriter, type CalendarWriter } from "./graphCalendarWriter";
import { readMailboxDefaults, type MailboxDefaults } from "./mailboxSettings";
import { registrableDomain } from "./registrableDomain";
import { renderCard, type CardActions } from "./renderCard";
import { renderError, renderLoading } from "./renderScreens";
import type { SettingsStore } from "./roamingSettingsStore";
import type { SettingsNotice } from "./renderSettings";
import type { SettingsFormValues } from "./settingsForm";
import type { TokenProvider } from "./tokenProvider";

export interface TaskPaneEnv {
  /** Where the screens are drawn. */
  readonly root: HTMLElement;
  /** A live region outside `root`, in the page's flow, for booking and saving messages (they outlive a redraw). */
  readonly status: HTMLElement;
  readonly graph: Client;
  /** The Graph client's time budget: each screen (a week read, a booking) starts a fresh one. */
  readonly budget?: RequestBudget;
  readonly tokens: TokenProvider;
  readonly settings: SettingsStore;
  /** The signed-in mailbox's address (organizer and attendee matching). */
  readonly me: string | undefined;
  /**
   * The zone Outlook itself reports for the user (`userProfile.timeZone`), if any: only a guess
   * that lets the first read start before the mailbox's settings answer. The week is always the
   * one of the mailbox's zone: a guess that turns out different is read again.
   */
  readonly hostZone?: string | undefined;
  /** The clock (tests and the preview may pin it). */
  readonly now?: () => DateTime;
}

/** What the task pane is showing; exposed for tests and diagnostics. */
export type Screen = "loading" | "card" | "error" | "settings";

export interface TaskPane {
  /** Loads and draws a week ("" = next week). Resolves when the screen is drawn. */
  showWeek(weekOf?: string, options?: { readonly focus?: boolean }): Promise<Screen>;
  readonly screen: () => Screen;
}

/** Stored settings a week can be measured with: valid ones, or none yet (first run). */
type UsableSettings = Exclude<StoredSettings, { readonly kind: "invalid" }>;

interface WeekContext {
  readonly settings: Settings;
  /** One writer per drawn week: a double click, or the same block's two buttons, share one attempt. */
  readonly writer: CalendarWriter;
}

/** The label of the error screen's way into the settings (an error has no card to take it from). */
const SETTINGS_LABEL = "Settings";

/** The settings screen's code, fetched on first use (its own chunk). */
const settingsScreen = () => import("./settingsScreen");

/**
 * The task pane: reads the mailbox's zone and working hours, then the week and its look-back in
 * one calendarView window, and hands them to the core's flow (prepareWeek → weekScreen); draws
 * the card or the error; books blocks; saves first-run choices and settings. A failed read is
 * never shown as an empty week.
 */
export const startTaskPane = (env: TaskPaneEnv): TaskPane => {
  const now = env.now ?? (() => DateTime.now());
  let screen: Screen = "loading";
  let weekOf = "";
  let mailbox: MailboxDefaults | null = null;
  let current: WeekContext | null = null;

  const draw = (next: Screen, node: HTMLElement, focus: boolean) => {
    screen = next;
    env.root.setAttribute("aria-busy", next === "loading" ? "true" : "false");
    env.root.setAttribute("data-screen", next);
    replaceChildren(env.root, node);
    // For the benchmark and diagnostics: when each screen was drawn.
    if (typeof performance !== "undefined" && typeof performance.mark === "function") performance.mark(`next-week:${next}`);
    if (focus) {
      (node.querySelector("h1") as HTMLElement | null)?.focus({ preventScroll: true });
      // Back to the top: the toolbar and any message above it are in view.
      if (typeof window !== "undefined" && typeof window.scrollTo === "function") window.scrollTo(0, 0);
    }
  };

  const say = (text: string, alert = false) => {
    env.status.setAttribute("role", alert ? "alert" : "status");
    env.status.className = `status${alert ? " status-alert" : ""}`;
    env.status.textContent = text;
  };

  const showError = (error: NextWeekError, focus: boolean, retryWeekOf = weekOf) => {
    draw(
      "error",
      renderError(errorView(error, retryWeekOf), {
        retry: (date) => void showWeek(date, { focus: true }),
        signIn: () => void signIn(),
        openSettings: error.kind === "SettingsError" || error.kind === "EventError" ? { label: SETTINGS_LABEL, open: () => void openSettings() } : undefined,
      }),
      focus,
    );
    return "error" as const;
  };

  const signIn = async () => {
    draw("loading", renderLoading("Signing you in…"), false);
    try {
      await env.tokens.getToken({ interactive: true });
    } catch (error) {
      showError(error as NextWeekError, true);
      return;
    }
    await showWeek(weekOf, { focus: true });
  };

  /**
   * The settings a week is measured with. Valid settings only: callers handle invalid stored
   * settings first (a week is never measured with defaults in their place). On first run (nothing
   * stored) the mailbox's working hours are the default, until the user saves settings — when they
   * are written in the zone the week is measured in (a rule cannot move zones).
   */
  const effectiveSettings = (stored: UsableSettings, zone: string): Settings => {
    if (stored.kind === "ok") return stored.settings;
    const defaults = defaultSettings();
    return mailbox?.workingHours && (!mailbox.workingHoursZone || mailbox.workingHoursZone === zone) ? { ...defaults, workingHours: [mailbox.workingHours] } : defaults;
  };

  const actions: CardActions = {
    book: (action, button) => void book(action, button),
    goToWeek: (date) => void showWeek(date, { focus: true }),
    openSettings: () => void openSettings(),
    choose: (domain, choice, buttons) => void choose(domain, choice, buttons),
  };

  /** Ask Graph for times in the mailbox's own zone name when that is the zone in use. */
  const preferZoneFor = (prepared: PreparedWeek): string => (!prepared.settings.timeZone && mailbox?.timeZone ? mailbox.timeZone : prepared.zone);

  const showWeek = async (date = "", options: { focus?: boolean } = {}): Promise<Screen> => {
    weekOf = date;
    env.budget?.begin();
    say("");
    draw("loading", renderLoading(), false);
    const at = now();
    const stored = env.settings.load();
    if (stored.kind === "invalid") {
      // Stored settings that do not validate: ask for a fix (pre-filled from what is stored),
      // never a week measured with the defaults. The mailbox's zone only helps the form.
      if (!mailbox) {
        const read = await readMailboxDefaults(env.graph);
        if (read.ok) mailbox = read.value;
      }
      await openSettings();
      return screen;
    }
    // The public suffix list travels while the calendar is read.
    const domains = registrableDomain();
    // With a zone in the settings (stored, so no mailbox default applies), the zone, the week and
    // the window are known before the mailbox answers: prepare once and read both at once.
    const early = stored.kind === "ok" && stored.settings.timeZone ? prepareWeek({ settings: stored.settings, now: at, weekOf: date }) : null;
    const earlyRead = early ? readCalendarView(env.graph, { interval: early.window, preferZone: early.zone }) : null;
    // Without one, on the first week shown, Outlook's own zone for the user is a guess that lets
    // the calendar read travel with the mailbox's settings; it is used only if the mailbox agrees.
    const guess = !early && !mailbox && env.hostZone ? prepareWeek({ settings: stored.kind === "ok" ? stored.settings : defaultSettings(), calendarZone: env.hostZone, now: at, weekOf: date }) : null;
    const guessRead = guess && env.hostZone ? readCalendarView(env.graph, { interval: guess.window, preferZone: env.hostZone }) : null;
    if (!mailbox) {
      const read = await readMailboxDefaults(env.graph);
      if (!read.ok) return showError(read.error, options.focus ?? false);
      mailbox = read.value;
    }
    const base = early ?? prepareWeek({ settings: stored.kind === "ok" ? stored.settings : defaultSettings(), calendarZone: mailbox.timeZone, now: at, weekOf: date });
    // The working hours do not move the zone, the week or the window: only the settings change.
    const settings = effectiveSettings(stored, base.zone);
    const prepared = settings === base.settings ? base : { ...base, settings };
    weekOf = prepared.weekOf;
    const guessHolds = guess !== null && guess.zone === prepared.zone && guess.window.equals(prepared.window) && env.hostZone === preferZoneFor(prepared);
    const read = await (earlyRead ?? (guessHolds ? guessRead : null) ?? readCalendarView(env.graph, { interval: prepared.window, preferZone: preferZoneFor(prepared) }));
    const shown = weekScreen(read, normalizeGraphEvents, prepared, { me: env.me, registrableDomain: await domains });
    if (shown.kind === "error") return showError(shown.cause, options.focus ?? false, shown.error.retryWeekOf);
    current = { settings: prepared.settings, writer: createGraphCalendarWriter(env.graph, { settings: prepared.settings, zone: prepared.zone, preferZone: preferZoneFor(prepared), me: env.me }) };
    draw("card", renderCard(shown.card, actions), options.focus ?? false);
    return screen;
  };

  const book = async (action: BookActionView, button: HTMLButtonElement) => {
    if (!current) return;
    button.disabled = true;
    button.setAttribute("aria-busy", "true");
    say("Booking…");
    env.budget?.begin();
    const result = await current.writer.book(action);
    if (!result.ok && (result.error.kind === "AuthError" || result.error.kind === "PermissionError")) {
      showError(result.error, true);
      return;
    }
    const message = bookingMessage(result, action);
    // The card is drawn again from the calendar; focus returns to its heading so the keyboard
    // continues from a known place.
    await showWeek(weekOf, { focus: true });
    say(message.text, message.alert);
  };

  /** A first-run choice: saved through the same validated store as the settings form, then the card drawn again. */
  const choose = async (domain: string, choice: SuggestionChoice, buttons: readonly HTMLButtonElement[]) => {
    if (!current) return;
    for (const b of buttons) b.disabled = true;
    const next = applySuggestion(current.settings, domain, choice);
    const saved = next.ok ? await env.settings.save(next.value) : next;
    if (!saved.ok) {
      for (const b of buttons) b.disabled = false;
      say(`Not saved: ${saved.error.message}. Your last good settings are kept.`, true);
      return;
    }
    await showWeek(weekOf);
    say("Settings saved.");
    // Keep the keyboard where the choosing happens.
    const heading = env.root.querySelector<HTMLElement>('[data-section="first-run"] h2');
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    }
  };

  const openSettings = async (notice: SettingsNotice | null = null, values?: SettingsFormValues) => {
    let ui: Awaited<ReturnType<typeof settingsScreen>>;
    try {
      ui = await settingsScreen();
    } catch (cause) {
      showError(new InputError("Next Week could not load its settings screen. Check your connection and try again.", { cause }), true);
      return;
    }
    // The message whose leading field path is marked invalid and focused.
    let fieldMessage = notice?.kind === "error" ? notice.text : null;
    if (!values) {
      const stored = env.settings.load();
      if (stored.kind === "invalid") {
        // What is stored stays as it is until a valid save; the form shows it as far as it can be read.
        values = ui.valuesFromStored(stored.raw);
        notice ??= { kind: "error", text: `Your saved settings need a fix: ${stored.error.message}. Nothing has been changed: correct it and choose Save settings.` };
        fieldMessage = stored.error.message;
      } else {
        const zone = prepareWeek({ settings: stored.kind === "ok" ? stored.settings : defaultSettings(), calendarZone: mailbox?.timeZone, now: now() }).zone;
        values = ui.formValues(current?.settings ?? effectiveSettings(stored, zone));
      }
    }
    const form = ui.renderSettings(
      values,
      {
        save: (v) => void save(v, form, ui),
        cancel: () => void showWeek(weekOf, { focus: true }),
        importCsv: (text, name, v) => {
          const step = ui.importCsvIntoForm(text, name, v);
          void openSettings({ kind: step.kind, text: step.text }, step.values);
        },
      },
      notice,
      mailbox?.timeZone ?? null,
    );
    draw("settings", form, true);
    if (fieldMessage) ui.markInvalidField(form, fieldMessage, form.querySelector(".form-error")?.id ?? "");
  };

  const save = async (values: SettingsFormValues, form: HTMLElement, ui: Awaited<ReturnType<typeof settingsScreen>>) => {
    const result = await env.settings.save(ui.settingsInput(values));
    if (!result.ok) {
      const error = form.querySelector<HTMLElement>(".form-error");
      if (error) {
        error.textContent = `Not saved: ${result.error.message}. Your last good settings are kept.`;
        error.classList.remove("hidden");
        if (!ui.markInvalidField(form, result.error.message, error.id)) error.focus();
      }
      return;
    }
    await showWeek(weekOf, { focus: true });
    say("Settings saved.");
  };

  return { showWeek, screen: () => screen };
};
