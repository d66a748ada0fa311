/**
 * The top-level functions Apps Script calls: the manifest's triggers and every card action.
 * `index.ts` exports a handler under each name and the build turns each into a plain global.
 */
export const ACTION = {
  /** Homepage trigger (manifest). */
  homepage: "onHomepage",
  /** Universal action "Settings" (manifest). */
  settingsUniversal: "onSettingsUniversal",
  /** Show another week (navigation buttons) or read the calendar again (retry). */
  showWeek: "onShowWeek",
  /** Book a prospecting block in a spot, or an outreach block for an account. */
  book: "onBookBlock",
  /** The fixed footer's "Other weeks": the small card of weeks to go to. */
  otherWeeks: "onOtherWeeks",
  /** First run: a suggested company marked dream, A-list, pain or not an account. */
  chooseSuggestion: "onChooseSuggestion",
  /** Open the settings card from the homepage. */
  openSettings: "onOpenSettings",
  /** Save the settings form. */
  saveSettings: "onSaveSettings",
  /** Import a CRM CSV pasted into the settings form. */
  importCsv: "onImportCsv",
} as const;

export type ActionName = (typeof ACTION)[keyof typeof ACTION];
