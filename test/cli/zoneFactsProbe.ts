// Run by zoneFacts.test.ts in a child Node process (bundled with esbuild): the command line's zone
// facts need the real process.env, whose TZ setter Jest's sandbox does not have. Prints JSON.
import { IANAZone } from "luxon";
import { processZoneFacts, tzIsHonoured } from "../../addon/node/zoneFacts";

const facts = processZoneFacts();
const luxon = (zone: string, ms: number): number => IANAZone.create(zone).offset(ms);
const mismatches: string[] = [];
let checks = 0;
const check = (zone: string, ms: number): void => {
  checks += 1;
  const mine = facts.offset(zone, ms);
  const theirs = luxon(zone, ms);
  if (!Object.is(mine, theirs) && mismatches.length < 20) mismatches.push(`${zone} ${new Date(ms).toISOString()}: ${mine} vs luxon ${theirs}`);
};

const [from, until, stepDays] = process.argv.slice(2).map(Number) as [number, number, number];
const zones = Intl.supportedValuesOf("timeZone");
let changes = 0;
// Every listed zone, every few days: where the offset changed, the change itself to the second and
// the instants around it (a second and an hour either side).
for (const zone of zones) {
  let before = luxon(zone, from);
  let previous = from;
  for (let ms = from; ms < until; ms += stepDays * 86_400_000) {
    check(zone, ms);
    const now = luxon(zone, ms);
    if (now !== before) {
      changes += 1;
      let lo = previous;
      let hi = ms;
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (luxon(zone, mid) === before) lo = mid;
        else hi = mid;
      }
      for (const t of [lo - 3_600_000, lo - 1000, lo, lo + 999, hi, hi + 1, hi + 1000, hi + 3_600_000]) check(zone, t);
    }
    before = now;
    previous = ms;
  }
}
// Zones asked in turn (TZ switched at every call), instants from 1950 to 2250, inside and outside
// the range the process's offsets serve, including the zero offset and fractions of a second.
let seed = 20261202;
const random = (): number => {
  seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
  return seed / 2 ** 32;
};
const some = [...zones.filter((_, i) => i % 7 === 0), "UTC", "Africa/Monrovia", "Australia/Lord_Howe", "Pacific/Chatham"];
for (let i = 0; i < 20_000; i += 1) check(some[Math.floor(random() * some.length)]!, Date.UTC(1950, 0, 1) + Math.floor(random() * 300 * 365.25 * 86_400_000));
check("UTC", Date.UTC(2026, 5, 1));
check("Africa/Abidjan", Date.UTC(2026, 5, 1));
check("America/New_York", NaN);

const names = ["America/New_York", "UTC", "Etc/UTC", "US/Eastern", "Asia/Kolkata", "Asia/Calcutta", "america/new_york", "Etc/GMT+5", "EST5EDT", "", "Mars/Olympus", "Europe/Nowhere", "New York", "../etc/passwd"];
const validity = names.filter((name) => facts.isZone(name) !== IANAZone.isValidZone(name));

// Where Date does not follow TZ, every offset is the fallback's (a marker here), never Date's.
const marker = { isZone: () => false, offset: () => 999 };
const ignoring = processZoneFacts({ fallback: marker, honoured: () => false });
const following = processZoneFacts({ fallback: marker });
const fallbackUsed = [ignoring.offset("America/New_York", Date.UTC(2026, 0, 1)), ignoring.offset("UTC", Date.UTC(2026, 6, 1)), following.offset("America/New_York", Date.UTC(2026, 0, 1)), following.offset("America/New_York", Date.UTC(1960, 0, 1)), following.offset("US/Eastern", Date.UTC(2026, 0, 1))];

process.stdout.write(JSON.stringify({ zones: zones.length, changes, checks, mismatches, validity, honoured: tzIsHonoured(), fallbackUsed }));
