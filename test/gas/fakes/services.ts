/**
 * Recording fakes of PropertiesService (user store), CacheService (user cache), LockService
 * (user lock) and Session, with the limits Apps Script enforces that matter here.
 */

/**
 * Apps Script's property limits, "9 KB per value" and "500 KB per store", held in the stricter
 * decimal reading: 9,000 bytes per value and 500,000 bytes of keys and values in the store.
 */
export const PROPERTY_VALUE_LIMIT = 9_000;
export const PROPERTY_STORE_LIMIT = 500_000;

const bytes = (s: string) => Buffer.byteLength(s, "utf8");

export class FakeProperties {
  readonly data = new Map<string, string>();
  readonly writes: { method: string; keys: string[] }[] = [];
  /** Called after each write call, with the method name (to look at the store mid-save). */
  onWrite: ((method: string) => void) | null = null;

  private checkValue(key: string, value: string): void {
    if (bytes(value) > PROPERTY_VALUE_LIMIT) throw new Error(`Argument too large: value (${key})`);
  }

  /** Bytes of every key and value in the store. */
  size(): number {
    let total = 0;
    for (const [k, v] of this.data) total += bytes(k) + bytes(v);
    return total;
  }

  /** The largest the store has been after any write. */
  peak = 0;

  /** Applies a write only when the store stays within its quota; otherwise nothing changes and it throws. */
  private commit(apply: (data: Map<string, string>) => void): void {
    const next = new Map(this.data);
    apply(next);
    let total = 0;
    for (const [k, v] of next) total += bytes(k) + bytes(v);
    if (total > PROPERTY_STORE_LIMIT) throw new Error("You have exceeded the property storage quota. Please remove some properties and try again.");
    this.data.clear();
    for (const [k, v] of next) this.data.set(k, v);
    this.peak = Math.max(this.peak, total);
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
    this.commit((data) => data.set(key, String(value)));
    this.writes.push({ method: "setProperty", keys: [key] });
    this.onWrite?.("setProperty");
    return this;
  }
  setProperties(properties: Record<string, string>, deleteAllOthers = false) {
    for (const [k, v] of Object.entries(properties)) this.checkValue(k, String(v));
    this.commit((data) => {
      if (deleteAllOthers) data.clear();
      for (const [k, v] of Object.entries(properties)) data.set(k, String(v));
    });
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
