import type { GraphClient as Client } from "./graphClient";
import { DateTime } from "luxon";
import { type BookActionView, cardModel, type CardView, EventError, InputError, type NextWeekError, normalizeGraphEvents, planWeek, resolveZone, type Settings, weekFor } from "../../shared";
import { replaceChildren } from "./dom";
import { readCalendarView } from "./graphCalendarSource";
import { UncertainWriteError } from "./graphErrors";
import type { RequestBudget } from "./requestBudget";
import { createGraphCalendarWriter, type BookingResult, type CalendarWriter } from "./graphCalendarWriter";
import { readMailboxDefaults, type MailboxDefaults } from "./mailboxSettings";
import { renderCard, type CardActions } from "./renderCard";
import { renderEmptyWeek, renderError, renderLoading } from "./renderScreens";
import type { LoadedSettings, SettingsStore } from "./roamingSettingsStore";
import type { SettingsNotice } from "./renderSettings";
import type { SettingsFormValues } from "./settingsForm";
import type { TokenProvider } from "./tokenProvider";

export interface TaskPaneEnv {
  /** Where the screens are drawn. */
  readonly root: HTMLElement;
  /** A live region outside `root` for booking and saving messages (they outlive a redraw). */
  readonly status: HTMLElement;
  readonly graph: Client;
  /** The Graph client's time budget: each screen (a week read, a booking) starts a fresh one. */
  readonly budget?: RequestBudget;
  readonly tokens: TokenProvider;
  readonly settings: SettingsStore;
  /** The signed-in mailbox's address (organizer and attendee matching). */
  readonly me: string | undefined;
  /** The clock (tests and the preview may pin it). */
  readonly now?: () => DateTime;
}

/** What the task pane is showing; exposed for tests and diagnostics. */
export type Screen = "loading" | "card" | "empty" | "error" | "settings";

export interface TaskPane {
  /** Loads and draws a week ("" = next week). Resolves when the screen is drawn. */
  showWeek(weekOf?: string, options?: { readonly focus?: boolean }): Promise<Screen>;
  readonly screen: () => Screen;
}

interface WeekContext {
  readonly settings: Settings;
  readonly zone: string;
  readonly preferZone: string;
  readonly card: CardView;
  /** One writer per drawn week: a double click, or the same spot's two buttons, share one attempt. */
  readonly writer: CalendarWriter;
}

const describeBooking = (result: BookingResult, action: BookActionView): { text: string; alert: boolean } => {
  if (!result.ok) return { text: result.error instanceof UncertainWriteError ? result.error.message : `${result.error.message} Nothing was booked.`, alert: true };
  // "Book a 1 h 30 min prospecting block on Tue 1 Dec at 10:15" → "on Tue 1 Dec at 10:15"
  const when = action.description.replace(/^.*?prospecting block\s*/, "");
  switch (result.value.kind) {
    case "booked":
      return { text: `Booked a prospecting block ${when}.`, alert: false };
    case "alreadyBooked":
      return { text: `That prospecting block is already on your calendar (${when}); nothing new was booked.`, alert: false };
    case "spotTaken":
      return { text: `That spot is no longer free: “${result.value.by}” is there now. Nothing was booked.`, alert: true };
  }
};

/**
 * The task pane: reads the mailbox's zone and working hours, the week's events and the settings,
 * asks the core for the card and draws it; books blocks; edits settings. Loading, empty week,
 * error and card are distinct screens; a failed read is never shown as an empty week.
 */
/** The settings screen's code, fetched on first use (its own chunk). */
const settingsScreen = () => import("./settingsScreen");

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
    if (focus) (node.querySelector("h1") as HTMLElement | null)?.focus();
  };

  const say = (text: string, alert = false) => {
    env.status.setAttribute("role", alert ? "alert" : "status");
    env.status.className = `status${alert ? " status-alert" : ""}`;
    env.status.textContent = text;
  };

  const showError = (error: NextWeekError, focus: boolean) => {
    draw(
      "error",
      renderError(error, {
        retry: () => void showWeek(weekOf, { focus: true }),
        signIn: () => void signIn(),
        openSettings: error.kind === "SettingsError" || error.kind === "EventError" ? () => void openSettings() : undefined,
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

  /** Valid settings only: callers handle `loaded.problem` first (a week is never measured with defaults in its place). */
  const effectiveSettings = (loaded: LoadedSettings = env.settings.load()): Settings => {
    // First run: the mailbox's working hours are the default, until the user saves settings —
    // when they are written in the zone the week is measured in (a rule cannot move zones).
    if (!loaded.stored && mailbox?.workingHours) {
      const zone = resolveZone(loaded.settings, mailbox.timeZone);
      if (!mailbox.workingHoursZone || mailbox.workingHoursZone === zone) return { ...loaded.settings, workingHours: [mailbox.workingHours] };
    }
    return loaded.settings;
  };

  const actions: CardActions = {
    book: (action, button) => void book(action, button),
    goToWeek: (date) => void showWeek(date, { focus: true }),
    openSettings: () => void openSettings(),
  };

  const showWeek = async (date = "", options: { focus?: boolean } = {}): Promise<Screen> => {
    weekOf = date;
    env.budget?.begin();
    draw("loading", renderLoading(), false);
    const at = now();
    const loaded = env.settings.load();
    if (loaded.problem) {
      // Stored settings that do not validate: ask for a fix (pre-filled from what is stored),
      // never a week measured with the defaults. The mailbox's zone only helps the form.
      if (!mailbox) {
        const read = await readMailboxDefaults(env.graph);
        if (read.ok) mailbox = read.value;
      }
      await openSettings();
      return screen;
    }
    // With a zone in the settings, the week is known before the mailbox answers: read both at once.
    const early = loaded.settings;
    const earlyWeek = early.timeZone ? weekFor({ now: at, zone: early.timeZone, weekStartsOn: early.weekStartsOn, weekOf: date || undefined }) : null;
    const earlyRead = earlyWeek && early.timeZone ? readCalendarView(env.graph, { interval: earlyWeek, preferZone: early.timeZone }) : null;
    if (!mailbox) {
      const read = await readMailboxDefaults(env.graph);
      if (!read.ok) return showError(read.error, options.focus ?? false);
      mailbox = read.value;
    }
    const settings = effectiveSettings(loaded);
    const zone = resolveZone(settings, mailbox.timeZone);
    // Ask Graph for times in the mailbox's own zone name when that is the zone in use.
    const preferZone = !settings.timeZone && mailbox.timeZone ? mailbox.timeZone : zone;
    const week = weekFor({ now: at, zone, weekStartsOn: settings.weekStartsOn, weekOf: date || undefined });
    const read = earlyRead && earlyWeek?.equals(week) ? await earlyRead : await readCalendarView(env.graph, { interval: week, preferZone });
    if (!read.ok) return showError(read.error, options.focus ?? false);
    const events = normalizeGraphEvents(read.value, { zone, me: env.me });
    if (!events.ok) {
      return showError(new EventError(events.error.eventId, events.error.field, `could not be read, so the week cannot be measured (${events.error.message}).`, { cause: events.error }), options.focus ?? false);
    }
    const plan = planWeek({ events: events.value, settings, zone, now: at, week, me: env.me });
    const card = cardModel(plan);
    current = { settings, zone, preferZone, card, writer: createGraphCalendarWriter(env.graph, { zone, preferZone, me: env.me }) };
    const empty = plan.busy.length === 0 && plan.ignored.length === 0;
    draw(empty ? "empty" : "card", empty ? renderEmptyWeek(card, actions) : renderCard(card, actions), options.focus ?? false);
    return screen;
  };

  const book = async (action: BookActionView, button: HTMLButtonElement) => {
    if (!current) return;
    button.disabled = true;
    button.setAttribute("aria-busy", "true");
    say("Booking the prospecting block…");
    env.budget?.begin();
    const result = await current.writer.book(action);
    if (!result.ok && (result.error.kind === "AuthError" || result.error.kind === "PermissionError")) {
      showError(result.error, true);
      return;
    }
    const message = describeBooking(result, action);
    // The card is drawn again from the calendar; focus returns to its heading so the keyboard
    // continues from a known place.
    await showWeek(weekOf, { focus: true });
    say(message.text, message.alert);
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
      const loaded = env.settings.load();
      if (loaded.problem) {
        // What is stored stays as it is until a valid save; the form shows it as far as it can be read.
        values = ui.valuesFromStored(loaded.raw);
        notice ??= { kind: "error", text: `Your saved settings need a fix: ${loaded.problem.message}. Nothing has been changed: correct it and choose Save settings.` };
        fieldMessage = loaded.problem.message;
      } else {
        values = ui.formValues(current?.settings ?? effectiveSettings(loaded));
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

