import { h, uniqueId, type Child } from "./dom";
import type { SettingsFormValues } from "./settingsForm";

export interface SettingsHandlers {
  readonly save: (values: SettingsFormValues) => void;
  readonly cancel: () => void;
  /** A CSV file was chosen: its text and what the form holds now. */
  readonly importCsv: (csvText: string, fileName: string, values: SettingsFormValues) => void;
}

export interface SettingsNotice {
  readonly kind: "error" | "info";
  readonly text: string;
}

const DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const TIERS: readonly [string, string][] = [
  ["dream", "Dream client"],
  ["a-list", "A-list"],
  ["pain", "Pain account"],
];

const field = (label: string, input: HTMLInputElement | HTMLSelectElement, hint?: string): HTMLElement => {
  const id = uniqueId("f");
  input.id = id;
  const hintId = hint ? uniqueId("hint") : null;
  if (hintId) input.setAttribute("aria-describedby", hintId);
  return h("div", { class: "field" }, h("label", { attrs: { for: id } }, label), input, hint && hintId ? h("p", { class: "hint", attrs: { id: hintId } }, hint) : null);
};

const textInput = (name: string, value: string, attrs: Record<string, string> = {}): HTMLInputElement =>
  withValue(h("input", { attrs: { type: "text", "data-name": name, "data-field": attrs["data-field"] ?? name, autocomplete: "off", ...attrs } }), value);

const withValue = <T extends HTMLInputElement | HTMLSelectElement>(input: T, value: string): T => {
  input.value = value;
  return input;
};

/**
 * A number typed as text (a numeric keyboard on touch screens): the core's formNumber reads it as
 * every host does ("1,000", "0,5", "50%" for a rate), where a browser's number input would drop
 * "1,000" as unreadable.
 */
const numberInput = (path: string, value: string): HTMLInputElement =>
  withValue(h("input", { attrs: { type: "text", inputmode: "decimal", autocomplete: "off", "data-name": path, "data-field": path } }), value);

const select = (path: string, options: readonly [string, string][], value: string): HTMLSelectElement => {
  const el = h("select", { attrs: { "data-name": path, "data-field": path } }, ...options.map(([v, label]) => h("option", { attrs: { value: v } }, label)));
  el.value = value;
  return el;
};

const removeButton = (what: string, index: number, row: () => HTMLElement, list: () => HTMLElement): HTMLElement =>
  h(
    "button",
    {
      class: "button button-link",
      attrs: { type: "button", "data-remove": what },
      onClick: () => {
        const r = row();
        const owner = list();
        const next = (r.nextElementSibling ?? r.previousElementSibling) as HTMLElement | null;
        r.remove();
        const form = owner.closest("form");
        if (form) renumberRows(form);
        if (next) (next.querySelector("input, select") as HTMLElement | null)?.focus();
        else (owner.parentElement?.querySelector("[data-add]") as HTMLElement | null)?.focus();
      },
    },
    `Remove ${what} ${index + 1}`,
  );

/** A fieldset of repeatable rows with an "Add" button. */
const rowList = <T>(legend: string, kind: string, items: readonly T[], makeRow: (item: T | null, index: number) => HTMLElement, addLabel: string, hint?: string): HTMLElement => {
  const list = h("div", { class: "rows-editor", attrs: { "data-list": kind } }, ...items.map((item, i) => makeRow(item, i)));
  const add = h(
    "button",
    {
      class: "button button-secondary",
      attrs: { type: "button", "data-add": kind },
      onClick: () => {
        const row = makeRow(null, list.children.length);
        list.appendChild(row);
        (row.querySelector("input, select") as HTMLElement | null)?.focus();
      },
    },
    addLabel,
  );
  return h("fieldset", { class: "group" }, h("legend", {}, legend), hint ? h("p", { class: "hint" }, hint) : null, list, add);
};

const hoursRow = (item: SettingsFormValues["workingHours"][number] | null, index: number): HTMLElement => {
  const row: HTMLElement = h("fieldset", { class: "row-item", attrs: { "data-row": "workingHours" } });
  const days = item?.days ?? [1, 2, 3, 4, 5];
  const boxes = DAY_NAMES.map((name, i) => {
    const id = uniqueId("day");
    const box = h("input", { attrs: { type: "checkbox", id, value: String(i + 1), "data-name": "day", "data-field": `workingHours[${index}].days` } });
    box.checked = days.includes(i + 1);
    return h("span", { class: "day" }, box, h("label", { attrs: { for: id } }, name.slice(0, 3), h("span", { class: "visually-hidden" }, name.slice(3))));
  });
  const start = withValue(h("input", { attrs: { type: "time", "data-name": "start", "data-field": `workingHours[${index}].start` } }), item?.start ?? "09:00");
  const end = withValue(h("input", { attrs: { type: "time", "data-name": "end", "data-field": `workingHours[${index}].end` } }), item?.end ?? "17:00");
  const children: Child[] = [
    h("legend", {}, `Hours ${index + 1}`),
    h("div", { class: "days", attrs: { role: "group", "aria-label": "Days" } }, ...boxes),
    h("div", { class: "pair" }, field("Start", start), field("End", end)),
    removeButton("hours", index, () => row, () => row.parentElement as HTMLElement),
  ];
  for (const c of children) if (c) row.appendChild(c as Node);
  return row;
};

const accountRow = (item: SettingsFormValues["accounts"][number] | null, index: number): HTMLElement => {
  const row: HTMLElement = h("fieldset", { class: "row-item", attrs: { "data-row": "accounts" } });
  row.append(
    h("legend", {}, `Account ${index + 1}`),
    field("Name", withValue(textInput("name", "", { "data-field": `accounts[${index}].name` }), item?.name ?? "")),
    field("Domains", withValue(textInput("domains", "", { "data-field": `accounts[${index}].domains` }), item?.domains ?? ""), "Separate with commas: acme.com, acme.co.uk"),
    field("Tier", select("tier", TIERS, item?.tier ?? "dream")),
    removeButton("account", index, () => row, () => row.parentElement as HTMLElement),
  );
  (row.querySelector("select") as HTMLSelectElement).setAttribute("data-field", `accounts[${index}].tier`);
  return row;
};

const decisionMakerRow = (item: SettingsFormValues["decisionMakers"][number] | null, index: number): HTMLElement => {
  const row: HTMLElement = h("fieldset", { class: "row-item", attrs: { "data-row": "decisionMakers" } });
  row.append(
    h("legend", {}, `Decision-maker ${index + 1}`),
    field("Email", withValue(textInput("email", "", { type: "email", "data-field": `decisionMakers[${index}].email` }), item?.email ?? "")),
    field("Name", withValue(textInput("name", "", { "data-field": `decisionMakers[${index}].name` }), item?.name ?? "")),
    field("Title", withValue(textInput("title", "", { "data-field": `decisionMakers[${index}].title` }), item?.title ?? "")),
    removeButton("decision-maker", index, () => row, () => row.parentElement as HTMLElement),
  );
  return row;
};

const valueOf = (root: ParentNode, name: string): string => {
  const input = root.querySelector(`[data-name="${name}"]`) as HTMLInputElement | HTMLSelectElement | null;
  return input ? input.value : "";
};

/** Reads the form back into values (the inverse of rendering them). */
export const collectSettings = (form: HTMLElement): SettingsFormValues => {
  const rows = (kind: string) => Array.from(form.querySelectorAll<HTMLElement>(`[data-row="${kind}"]`));
  return {
    timeZone: valueOf(form, "timeZone"),
    weekStartsOn: valueOf(form, "weekStartsOn"),
    workingHours: rows("workingHours").map((r) => ({
      days: Array.from(r.querySelectorAll<HTMLInputElement>('[data-name="day"]'))
        .filter((b) => b.checked)
        .map((b) => Number(b.value)),
      start: valueOf(r, "start"),
      end: valueOf(r, "end"),
    })),
    ownDomains: valueOf(form, "ownDomains"),
    accounts: rows("accounts").map((r) => ({ name: valueOf(r, "name"), domains: valueOf(r, "domains"), tier: valueOf(r, "tier") })),
    decisionMakers: rows("decisionMakers").map((r) => ({ email: valueOf(r, "email"), name: valueOf(r, "name"), title: valueOf(r, "title") })),
    targets: {
      dreamClientMinutes: valueOf(form, "targets.dreamClientMinutes"),
      decisionMakerMeetings: valueOf(form, "targets.decisionMakerMeetings"),
      prospectingMinutes: valueOf(form, "targets.prospectingMinutes"),
      painMinutesMax: valueOf(form, "targets.painMinutesMax"),
    },
    usePipeline: (form.querySelector('[data-name="usePipeline"]') as HTMLInputElement | null)?.checked ?? false,
    pipeline: {
      annualTarget: valueOf(form, "pipeline.annualTarget"),
      averageDeal: valueOf(form, "pipeline.averageDeal"),
      winRate: valueOf(form, "pipeline.winRate"),
      meetingToOpportunity: valueOf(form, "pipeline.meetingToOpportunity"),
      sellingWeeks: valueOf(form, "pipeline.sellingWeeks"),
    },
    blankSpotMinMinutes: valueOf(form, "blankSpotMinMinutes"),
    prospectingBlockMinutes: valueOf(form, "prospectingBlockMinutes"),
  };
};

/** After rows were added or removed, numbers rows and their field paths in order again. */
export const renumberRows = (form: HTMLElement): void => {
  for (const list of Array.from(form.querySelectorAll<HTMLElement>("[data-list]"))) {
    Array.from(list.children).forEach((row, index) => {
      for (const el of Array.from(row.querySelectorAll("[data-field]"))) {
        el.setAttribute("data-field", (el.getAttribute("data-field") ?? "").replace(/\[\d+\]/, `[${index}]`));
      }
      const remove = row.querySelector("[data-remove]");
      if (remove) remove.textContent = `Remove ${remove.getAttribute("data-remove") ?? ""} ${index + 1}`;
      const legend = row.querySelector("legend");
      if (legend) legend.textContent = (legend.textContent ?? "").replace(/\d+$/, String(index + 1));
    });
  }
};

/**
 * Marks the input a settings message names ("accounts[1].domains[0] must be …") as invalid and
 * focuses it; falls back to the nearest enclosing path. Returns whether a field was found.
 */
export const markInvalidField = (form: HTMLElement, message: string, messageId: string): boolean => {
  renumberRows(form);
  for (const old of Array.from(form.querySelectorAll("[aria-invalid]"))) old.removeAttribute("aria-invalid");
  let path = message.split(" ")[0] ?? "";
  while (path) {
    const input = form.querySelector<HTMLElement>(`[data-field="${CSS.escape(path)}"]`);
    if (input) {
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-errormessage", messageId);
      input.focus();
      return true;
    }
    const shorter = path.replace(/(\[\d+\]|\.[^.[\]]+)$/, "");
    if (shorter === path) break;
    path = shorter;
  }
  return false;
};

/**
 * The settings screen: the same fields as the Google card (dream accounts, decision-makers,
 * working hours, targets, pipeline math) and a CSV import from a CRM export.
 */
export const renderSettings = (values: SettingsFormValues, handlers: SettingsHandlers, notice: SettingsNotice | null, mailboxZone: string | null): HTMLElement => {
  const titleId = uniqueId("settings");
  const errorId = uniqueId("settings-error");
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  const zoneListId = uniqueId("zones");
  const csvId = uniqueId("csv");
  const csv = h("input", { attrs: { type: "file", id: csvId, accept: ".csv,text/csv", "data-name": "csv" } });
  const csvHintId = uniqueId("hint");
  csv.setAttribute("aria-describedby", csvHintId);

  const form = h(
    "form",
    { class: "settings", attrs: { "data-screen": "settings", "aria-labelledby": titleId, novalidate: true } },
    h("h1", { attrs: { id: titleId, tabindex: "-1" } }, "Settings"),
    h("p", { class: `form-error${notice?.kind === "error" ? "" : " hidden"}`, attrs: { id: errorId, role: "alert" } }, notice?.kind === "error" ? notice.text : ""),
    h("p", { class: "form-status", attrs: { role: "status" } }, notice?.kind === "info" ? notice.text : ""),
    h(
      "fieldset",
      { class: "group" },
      h("legend", {}, "Import from your CRM"),
      h("div", { class: "field" }, h("label", { attrs: { for: csvId } }, "CSV file exported from your CRM"), csv),
      h("p", { class: "hint", attrs: { id: csvHintId } }, "Columns such as Account, Domain or Website, Tier, Email, Name, Title. Imported rows are added to the form; review them and choose Save."),
    ),
    h(
      "fieldset",
      { class: "group" },
      h("legend", {}, "Your week"),
      field(
        "Time zone",
        withValue(textInput("timeZone", "", { list: zoneListId, placeholder: mailboxZone ?? "America/New_York", "data-field": "timeZone" }), values.timeZone),
        mailboxZone ? `Leave empty to use your mailbox's zone (${mailboxZone}).` : "An IANA name such as Europe/Paris. Leave empty to use your mailbox's zone.",
      ),
      h("datalist", { attrs: { id: zoneListId } }, ...zones.map((z) => h("option", { attrs: { value: z } }))),
      field("Week starts on", select("weekStartsOn", DAY_NAMES.map((d, i) => [String(i + 1), d] as [string, string]), values.weekStartsOn)),
      field("Smallest blank spot worth showing (minutes)", numberInput("blankSpotMinMinutes", values.blankSpotMinMinutes)),
      field("Prospecting block length (minutes)", numberInput("prospectingBlockMinutes", values.prospectingBlockMinutes)),
    ),
    rowList("Working hours", "workingHours", values.workingHours, hoursRow, "Add working hours", "Times in your time zone. Add a second set for split days."),
    h(
      "fieldset",
      { class: "group" },
      h("legend", {}, "Your company"),
      field("Your company's email domains", withValue(textInput("ownDomains", ""), values.ownDomains), "Meetings only with these domains count as internal. Separate with commas."),
    ),
    rowList("Accounts", "accounts", values.accounts, accountRow, "Add account", "Dream clients, A-list customers and pain accounts, by email domain."),
    rowList("Decision-makers", "decisionMakers", values.decisionMakers, decisionMakerRow, "Add decision-maker"),
    h(
      "fieldset",
      { class: "group" },
      h("legend", {}, "Weekly targets"),
      field("Dream-client time (minutes)", numberInput("targets.dreamClientMinutes", values.targets.dreamClientMinutes)),
      field("Decision-maker meetings", numberInput("targets.decisionMakerMeetings", values.targets.decisionMakerMeetings)),
      field("Prospecting time (minutes)", numberInput("targets.prospectingMinutes", values.targets.prospectingMinutes)),
      field("Most time with pain accounts (minutes)", numberInput("targets.painMinutesMax", values.targets.painMinutesMax)),
    ),
    pipelineFields(values),
    h(
      "div",
      { class: "actions" },
      h("button", { class: "button button-primary", attrs: { type: "submit" } }, "Save settings"),
      h("button", { class: "button button-secondary", attrs: { type: "button" }, onClick: () => handlers.cancel() }, "Back to the week"),
    ),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    handlers.save(collectSettings(form));
  });
  csv.addEventListener("change", () => {
    const file = csv.files?.[0];
    if (!file) return;
    void file.text().then((text) => handlers.importCsv(text, file.name, collectSettings(form)));
  });
  return form;
};

const pipelineFields = (values: SettingsFormValues): HTMLElement => {
  const toggleId = uniqueId("pipe");
  const toggle = h("input", { attrs: { type: "checkbox", id: toggleId, "data-name": "usePipeline", "data-field": "pipeline" } });
  toggle.checked = values.usePipeline;
  const inner = h(
    "div",
    { class: "pipeline-fields" },
    field("Annual new-business target", numberInput("pipeline.annualTarget", values.pipeline.annualTarget)),
    field("Average deal", numberInput("pipeline.averageDeal", values.pipeline.averageDeal)),
    field("Win rate (0 to 1)", numberInput("pipeline.winRate", values.pipeline.winRate), "0.5 (or 50%) means you win half of your opportunities."),
    field("Meetings that reveal an opportunity (0 to 1)", numberInput("pipeline.meetingToOpportunity", values.pipeline.meetingToOpportunity), "0.2 (or 20%) means 1 meeting in 5."),
    field("Selling weeks a year", numberInput("pipeline.sellingWeeks", values.pipeline.sellingWeeks)),
  );
  inner.hidden = !values.usePipeline;
  toggle.addEventListener("change", () => {
    inner.hidden = !toggle.checked;
  });
  return h(
    "fieldset",
    { class: "group" },
    h("legend", {}, "Pipeline math"),
    h("div", { class: "check" }, toggle, h("label", { attrs: { for: toggleId } }, "Show the weekly meetings my annual target needs")),
    inner,
  );
};
