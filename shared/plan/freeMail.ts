import common from "email-providers/common.json";

/**
 * Free-mail providers: the maintained `email-providers` list of common ones, plus a few
 * aliases and national variants of the biggest that it leaves out. A company is never a free-mail
 * domain, so a guest from one is never suggested as an account.
 */
const EXTRA = ["googlemail.com", "ymail.com", "hotmail.co.uk", "hotmail.fr", "hotmail.de", "hotmail.it", "hotmail.es", "live.co.uk", "outlook.fr", "outlook.de", "fastmail.com", "fastmail.fm", "hey.com", "pm.me", "tutanota.com", "tuta.io"];

export const FREE_MAIL: ReadonlySet<string> = new Set([...(common as string[]), ...EXTRA].map((d) => d.toLowerCase()));
