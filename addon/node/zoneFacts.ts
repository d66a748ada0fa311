import { INTL_ZONE_FACTS, type ZoneFacts } from "../../shared";

/**
 * The command line's zone facts, read without Intl's date-time formats (the first one a process
 * builds costs ~20 ms, a tenth of a run): the runtime's list of zone names says which names are
 * zones, and `Date`'s local offset, with the process's TZ set to the zone, gives offsets. Both come
 * from the ICU time-zone data Intl itself reads, and agree with luxon's numbers: the tests compare
 * them at every offset change of every listed zone. Where they are not known to agree, luxon
 * answers: a name not on the list (an alias such as "US/Eastern"), and instants before 1973 or
 * from 2200 on (until Liberia's change of 1972 some zones had offsets with seconds, which `Date`
 * rounds to the minute). A runtime that does not follow a change of TZ (checked once, on three
 * offsets that never change) gets luxon's answers throughout, never the machine's zone.
 *
 * Setting TZ changes what `Date`'s local-time methods say for the rest of the process; nothing in
 * the command line reads local time (its answers never depend on the machine's zone).
 */
const FROM = Date.UTC(1973, 0, 1);
const UNTIL = Date.UTC(2200, 0, 1);

/** `Date`'s offset in minutes east of UTC at `ms`, with the process's TZ set to `zone`. */
const tzOffset = (zone: string, ms: number): number => {
  if (process.env.TZ !== zone) process.env.TZ = zone;
  // 0 - x, not -x: an offset of zero is 0, never -0.
  return 0 - new Date(ms).getTimezoneOffset();
};

/** Whether `Date` follows a change of TZ here: known offsets, in winter and summer, east and west. */
export const tzIsHonoured = (): boolean =>
  tzOffset("Asia/Calcutta", Date.UTC(2020, 0, 15)) === 330 &&
  tzOffset("America/New_York", Date.UTC(2020, 0, 15)) === -300 &&
  tzOffset("America/New_York", Date.UTC(2020, 6, 15)) === -240 &&
  tzOffset("UTC", Date.UTC(2020, 6, 15)) === 0;

export const processZoneFacts = ({ fallback = INTL_ZONE_FACTS, honoured = tzIsHonoured }: { fallback?: ZoneFacts; honoured?: () => boolean } = {}): ZoneFacts => {
  let listed: Set<string> | undefined;
  let usable: boolean | undefined;
  const isListed = (name: string): boolean => (listed ??= new Set(["UTC", ...Intl.supportedValuesOf("timeZone")])).has(name);
  return {
    isZone: (name) => isListed(name) || fallback.isZone(name),
    offset: (name, ms) => (ms >= FROM && ms < UNTIL && isListed(name) && (usable ??= honoured()) ? tzOffset(name, ms) : fallback.offset(name, ms)),
  };
};
