import { INTL_ZONE_FACTS, type ZoneFacts } from "../../shared";

/**
 * The command line's zone facts, read without Intl's date-time formats (the first one a process
 * builds costs ~20 ms, a tenth of a run): the runtime's list of zone names says which names are
 * zones, and `Date`'s local offset, with the process's TZ set to the zone, gives offsets. Both come
 * from the ICU time-zone data Intl itself reads, and agree with luxon's numbers: the tests compare
 * them at every offset change of every listed zone. Where they are not known to agree, luxon
 * answers: a name not on the list (an alias such as "US/Eastern"), and instants before 1973 or
 * from 2200 on (until Liberia's change of 1972 some zones had offsets with seconds, which `Date`
 * rounds to the minute).
 *
 * Setting TZ changes what `Date`'s local-time methods say for the rest of the process; nothing in
 * the command line reads local time (its answers never depend on the machine's zone).
 */
const FROM = Date.UTC(1973, 0, 1);
const UNTIL = Date.UTC(2200, 0, 1);

export const processZoneFacts = (): ZoneFacts => {
  let listed: Set<string> | undefined;
  const isListed = (name: string): boolean => (listed ??= new Set(["UTC", ...Intl.supportedValuesOf("timeZone")])).has(name);
  return {
    isZone: (name) => isListed(name) || INTL_ZONE_FACTS.isZone(name),
    offset: (name, ms) => {
      if (!(ms >= FROM && ms < UNTIL) || !isListed(name)) return INTL_ZONE_FACTS.offset(name, ms);
      if (process.env.TZ !== name) process.env.TZ = name;
      // 0 - x, not -x: an offset of zero is 0, never -0.
      return 0 - new Date(ms).getTimezoneOffset();
    },
  };
};
