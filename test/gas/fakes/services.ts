/**
 * Recording fakes of PropertiesService (user store), CacheService (user cache), LockService
 * (user lock) and Session, with the limits Apps Script enforces that matter here.
 */

/** Apps Script's per-value limit for properties is about 9 KB; we hold the fake to it exactly. */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;

const bytes = (s: string) => Buffer.byteLength(s, "utf8");

export class FakeProperties {
  readonly data = new Map<string, string>();
  readonly writes: { method: string; keys: string[] }[] = [];
  /** Called after each write call, with the method name (to look at the store mid-save). */
  onWrite: ((method: string) => void) | null = null;

  private checkValue(key: string, value: string): void {
    if (bytes(value) > PROPERTY_VALUE_LIMIT) throw new Error(`Argument too large: value (${key})`);
  }

  private checkStore(): void {
    let total = 0;
    for (const [k, v] of this.data) total += bytes(k) + bytes(v);
    if (total > PROPERTY_STORE_LIMIT) throw new Error("You have exceeded the property storage quota.");
  }

  getProperty(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.data);
  }
  getKeys(): string[] {
    return [...this.data.keys()];
  }
  setProperty(key: string, value: string) {
    this.checkValue(key, String(value));
    this.data.set(key, String(value));
    this.checkStore();
    this.writes.push({ method: "setProperty", keys: [key] });
    this.onWrite?.("setProperty");
    return this;
  }
  setProperties(properties: Record<string, string>, deleteAllOthers = false) {
    for (const [k, v] of Object.entries(properties)) this.checkValue(k, String(v));
    if (deleteAllOthers) this.data.clear();
    for (const [k, v] of Object.entries(properties)) this.data.set(k, String(v));
    this.checkStore();
    this.writes.push({ method: "setProperties", keys: Object.keys(properties) });
    this.onWrite?.("setProperties");
    return this;
  }
  deleteProperty(key: string) {
    this.data.delete(key);
    this.writes.push({ method: "deleteProperty", keys: [key] });
    this.onWrite?.("deleteProperty");
    return this;
  }
  deleteAllProperties() {
    this.data.clear();
    return this;
  }
}

export class FakeCache {
  readonly data = new Map<string, string>();
  get(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  put(key: string, value: string, seconds?: number): void {
    if (seconds !== undefined && (seconds < 1 || seconds > 21600)) throw new Error("Invalid argument: expirationInSeconds");
    this.data.set(key, value);
  }
  remove(key: string): void {
    this.data.delete(key);
  }
}

/** A user lock shared by every "window" of the same user. `heldElsewhere` makes `tryLock` time out. */
export class FakeLock {
  held = false;
  heldElsewhere = false;
  acquired = 0;
  tryLock(_timeoutMs: number): boolean {
    if (this.heldElsewhere || this.held) return false;
    this.held = true;
    this.acquired++;
    return true;
  }
  waitLock(timeoutMs: number): void {
    if (!this.tryLock(timeoutMs)) throw new Error("Lock timeout: another process was holding the lock for too long.");
  }
  hasLock(): boolean {
    return this.held;
  }
  releaseLock(): void {
    this.held = false;
  }
}

export const fakeSession = (email: string) => ({
  getActiveUser: () => ({ getEmail: () => email }),
  getEffectiveUser: () => ({ getEmail: () => email }),
  getScriptTimeZone: () => "Etc/UTC",
});
