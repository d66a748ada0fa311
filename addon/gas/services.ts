/**
 * The Apps Script services the add-on uses, as narrow interfaces. `index.ts` hands the real
 * globals in; nothing else touches a global, so every module names exactly what it needs.
 */

/** Calendar API v3 `Events` list response, as the advanced service returns it. */
export interface EventsPage {
  readonly items?: unknown[];
  readonly nextPageToken?: string;
  readonly timeZone?: string;
}

/** The slice of the advanced Calendar service (`Calendar`) the add-on calls. */
export interface CalendarService {
  readonly Events: {
    list(calendarId: string, optionalArgs: object): EventsPage;
    insert(resource: object, calendarId: string): { id?: string; start?: { dateTime?: string }; end?: { dateTime?: string } };
    get(calendarId: string, eventId: string): { id?: string; status?: string; start?: { dateTime?: string; date?: string }; end?: { dateTime?: string; date?: string } };
  };
  readonly Settings: {
    list(): { items?: { id?: string; value?: string }[] };
  };
}

/** A user property store (`PropertiesService.getUserProperties()`). */
export interface PropertyStore {
  getProperty(key: string): string | null;
  getProperties(): Record<string, string>;
  setProperties(properties: Record<string, string>): unknown;
  setProperty(key: string, value: string): unknown;
  deleteProperty(key: string): unknown;
}

/** A user cache (`CacheService.getUserCache()`). */
export interface UserCache {
  get(key: string): string | null;
  put(key: string, value: string, expirationInSeconds: number): void;
}

/** A user lock (`LockService.getUserLock()`). */
export interface UserLock {
  tryLock(timeoutInMillis: number): boolean;
  releaseLock(): void;
}

/** Everything a handler needs from Apps Script, resolved once per call. */
export interface Services {
  readonly calendar: CalendarService;
  readonly cards: GoogleAppsScript.Card_Service.CardService;
  readonly properties: () => PropertyStore;
  readonly cache: () => UserCache | null;
  readonly lock: () => UserLock;
  /** The signed-in user's address, or "" when Apps Script will not tell. */
  readonly userEmail: () => string;
  readonly log: (message: string) => void;
}
