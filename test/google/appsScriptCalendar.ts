/**
 * The Apps Script advanced Calendar service (`Calendar`) as the add-on sees it, answered by the
 * fake Calendar API: `Calendar.Events.list(calendarId, optionalArgs)` becomes
 * `GET /calendar/v3/calendars/{calendarId}/events?…` (each argument a query parameter, a list
 * repeated), the JSON answer is returned as an object, and a non-2xx answer is thrown the way
 * Apps Script throws it: `API call to calendar.events.list failed with error: <Google's message>`.
 * Only what the add-on's reader calls is served; the writer's calls are tested in test/gas.
 */
import type { CalendarService, EventsPage } from "../../addon/gas/services";
import type { FakeCalendarCore } from "./fakeCalendarApi";

const failure = (method: string, body: unknown): Error => {
  const message = (body as { error?: { message?: string } } | null)?.error?.message ?? "Unknown error";
  return new Error(`API call to calendar.${method} failed with error: ${message}`);
};

const query = (args: object): string => {
  const q = new URLSearchParams();
  for (const [name, value] of Object.entries(args)) {
    if (value === undefined || value === null) continue;
    for (const one of Array.isArray(value) ? value : [value]) q.append(name, String(one));
  }
  return q.toString();
};

/** The advanced service over the fake. */
export const appsScriptCalendar = (fake: FakeCalendarCore): CalendarService => ({
  Events: {
    list: (calendarId, optionalArgs) => {
      const out = fake.request("GET", `/calendar/v3/calendars/${encodeURIComponent(calendarId)}/events?${query(optionalArgs)}`);
      if (out.status < 200 || out.status > 299) throw failure("events.list", out.body);
      return out.body as EventsPage;
    },
    insert: () => {
      throw new Error("Events.insert is not served by the fake Calendar API");
    },
    get: () => {
      throw new Error("Events.get is not served by the fake Calendar API");
    },
  },
  Settings: {
    list: () => {
      const out = fake.request("GET", "/calendar/v3/users/me/settings/timezone");
      if (out.status !== 200) throw failure("settings.list", out.body);
      return { items: [out.body as { id?: string; value?: string }] };
    },
  },
});
