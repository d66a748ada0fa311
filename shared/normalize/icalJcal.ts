import ICAL from "ical.js";

/**
 * A VEVENT's properties read straight from its jCal (name, parameters, value type, values…)
 * rather than through ical.js's Property objects, which it builds for each property it is asked
 * about: an export's window holds hundreds of VEVENTs, each read for its times and its people.
 * Values come out as ical.js's own accessors give them.
 */

/** A property as ical.js parsed it (jCal: name, parameters, value type, values…). */
export type JcalProperty = readonly [string, Record<string, unknown>, string, ...unknown[]];

/**
 * Value types whose values ical.js gives as they are in the jCal (it wraps the others, e.g.
 * dates, durations and recurrence rules, in objects): text, integer, cal-address, uri, and the
 * "unknown" type of a property it has no design for (X- properties).
 */
const PLAIN_TYPES = new Set(["text", "integer", "cal-address", "uri", "unknown"]);

export const jcalProperties = (vevent: ICAL.Component): readonly JcalProperty[] => vevent.jCal[1] as JcalProperty[];

/** The first property of a name (lower case), as `getFirstProperty` finds it; null when there is none. */
export const firstJcal = (vevent: ICAL.Component, name: string): JcalProperty | null => {
  for (const prop of jcalProperties(vevent)) if (prop[0] === name) return prop;
  return null;
};

/** Every property of a name, in order, as `getAllProperties` finds them. */
export const allJcal = (vevent: ICAL.Component, name: string): JcalProperty[] => jcalProperties(vevent).filter((prop) => prop[0] === name);

/** A property's first value, as ical.js's `Property#getFirstValue` gives it. */
export const firstValueOf = (prop: JcalProperty, vevent: ICAL.Component): unknown => {
  if (!PLAIN_TYPES.has(prop[2])) return new ICAL.Property(prop as unknown as unknown[], vevent).getFirstValue();
  return prop.length > 3 ? prop[3] : null;
};

/** The first value of a property, as `getFirstPropertyValue` gives it. */
export const firstValue = (vevent: ICAL.Component, name: string): unknown => {
  const prop = firstJcal(vevent, name);
  return prop ? firstValueOf(prop, vevent) : null;
};

/** A parameter of a property, as `Property#getParameter` gives it. */
export const parameterOf = (prop: JcalProperty, name: string): unknown => (name in prop[1] ? prop[1][name] : undefined);
