import type { Tier } from "../settings/settings";

/**
 * Cleaning of the values of a CRM export: domains from websites, emails, tiers. Each
 * function returns null for a value it cannot read, so the row can be skipped with a reason.
 */

/** Mailbox providers: an address there says nothing about the contact's company. */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk", "hotmail.fr", "live.com", "msn.com",
  "yahoo.com", "yahoo.co.uk", "yahoo.fr", "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com",
  "proton.me", "protonmail.com", "gmx.com", "gmx.de", "gmx.net", "web.de", "mail.com", "zoho.com",
  "yandex.com", "yandex.ru", "qq.com", "163.com", "126.com", "fastmail.com", "hey.com",
]);

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A lower-case host name with at least two labels, each a valid DNS label, ending in a non-numeric one. */
const isDomain = (host: string): boolean => {
  const labels = host.split(".");
  return host.length <= 253 && labels.length >= 2 && labels.every((l) => LABEL.test(l)) && !/^\d+$/.test(labels[labels.length - 1]!);
};

/**
 * The domain of a website or domain value: scheme, user info, `www.`, port, path, query and
 * trailing dot stripped, lower-cased; null when what is left is not a domain.
 * @example domainOfWebsite("https://www.Acme.com/about?x=1") → "acme.com"
 * @example domainOfWebsite("shop.acme.co.uk") → "shop.acme.co.uk"
 * @example domainOfWebsite("not a website") → null
 */
export const domainOfWebsite = (value: string): string | null => {
  let host = value.trim().toLowerCase();
  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//, "").replace(/^\/\//, "");
  host = host.split(/[/?#]/, 1)[0] ?? "";
  host = host.replace(/^[^@]*@/, "").replace(/:\d+$/, "").replace(/\.$/, "").replace(/^@/, "");
  host = host.replace(/^www\d*\./, "");
  return isDomain(host) ? host : null;
};

/**
 * A contact email, lower-cased; null when it is not an address like dana@acme.com.
 * A `mailto:` prefix is dropped.
 * @example cleanEmail(" Dana.Ruiz@Acme.com ") → "dana.ruiz@acme.com"
 * @example cleanEmail("dana@acme") → null
 */
export const cleanEmail = (value: string): string | null => {
  const email = value.trim().replace(/^mailto:/i, "").toLowerCase();
  const at = email.lastIndexOf("@");
  if (at <= 0 || /[\s,;<>()[\]"]/.test(email) || email.indexOf("@") !== at) return null;
  return isDomain(email.slice(at + 1)) ? email : null;
};

/** The domain of an email, or null when it is a free-mail provider. */
export const companyDomainOfEmail = (email: string): string | null => {
  const domain = email.slice(email.lastIndexOf("@") + 1);
  return FREE_MAIL_DOMAINS.has(domain) ? null : domain;
};

/**
 * A tier as CRMs write it: dream (or "dream client"), a-list ("A list", "A"), pain; null for anything else.
 * @example tierOf("A List") → "a-list"
 * @example tierOf("gold") → null
 */
export const tierOf = (value: string): Tier | null => {
  const key = value.trim().toLowerCase().replace(/[\s_-]+/g, "");
  if (key === "dream" || key === "dreamclient" || key === "dreamclients" || key === "dreamaccount") return "dream";
  if (key === "alist" || key === "a") return "a-list";
  if (key === "pain" || key === "painaccount") return "pain";
  return null;
};

/**
 * Whether `domain` is covered by `other`: equal, or a subdomain of it (as meetings match).
 * @example coveredBy("eu.acme.com", "acme.com") → true
 */
export const coveredBy = (domain: string, other: string): boolean => domain === other || domain.endsWith(`.${other}`);
