import type { Interval } from "luxon";
import { InputError } from "../errors";
import { err, ok, type Result } from "../result";
import type { Settings } from "../settings/settings";
import { blockKey, blockRequest, parseBlock, type BlockRequest } from "./booking";

/** What a booking button sends back (Google's action parameters, the pane's click). */
export interface ActionParameters {
  readonly key: string;
  readonly start: string;
  readonly end: string;
  /** The account of an outreach block; "" or absent for a plain block. */
  readonly account?: string | null | undefined;
}

/**
 * Turns a button's parameters back into the request to write, checking that the spot reads and
 * matches its key and that an outreach block's account is still in the settings.
 * @example requestFromAction({ key: "nw1-20261201T151500Z-90", start: "2026-12-01T10:15:00-05:00", end: "2026-12-01T11:45:00-05:00" }, settings, "America/New_York")
 *   → ok({ block, request: { title: "Prospecting block", … } })
 */
export const requestFromAction = (action: ActionParameters, settings: Settings, zone: string): Result<{ block: Interval<true>; request: BlockRequest }, InputError> => {
  const block = parseBlock(action.start, action.end, zone);
  if (!block || blockKey(block) !== action.key) return err(new InputError("That button's spot could not be read, so nothing was booked. The week is shown again."));
  const account = action.account ? action.account : null;
  if (account !== null && !settings.accounts.some((a) => a.name === account)) {
    return err(new InputError(`"${account}" is no longer in your accounts, so nothing was booked. The week is shown again.`));
  }
  return ok({ block, request: blockRequest(block, zone, account) });
};
