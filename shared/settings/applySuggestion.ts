import type { SettingsError } from "../errors";
import type { Result } from "../result";
import type { SuggestionChoice } from "../view/cardView";
import { companyName } from "../view/firstRun";
import { parseSettings, type Settings } from "./settings";

/**
 * One click on a suggested company: a new dream, A-list or pain account named after the domain
 * (the domain itself when that name is taken), or the domain remembered as not an account.
 * Goes through the same validation as the settings form; the last good settings stay on error.
 * @example applySuggestion(settings, "globex.io", "dream") → ok({ …, accounts: [..., { name: "Globex", domains: ["globex.io"], tier: "dream" }] })
 */
export const applySuggestion = (settings: Settings, domain: string, choice: SuggestionChoice): Result<Settings, SettingsError> => {
  const d = domain.trim().toLowerCase();
  if (choice === "not") return parseSettings({ ...settings, notAccounts: [...new Set([...(settings.notAccounts ?? []), d])] });
  const wanted = companyName(d);
  const name = settings.accounts.some((a) => a.name.toLowerCase() === wanted.toLowerCase()) ? d : wanted;
  return parseSettings({ ...settings, accounts: [...settings.accounts, { name, domains: [d], tier: choice }] });
};
