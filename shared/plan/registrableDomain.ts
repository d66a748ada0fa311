/**
 * The registrable domain of a host name: the part a company registers ("acme.co.uk" for
 * eu.acme.co.uk). Hosts pass the public suffix list's answer (`tldts-icann`'s `getDomain`)
 * where its 84 KB fit; the Apps Script bundle, whose budget it does not fit, uses
 * `compactRegistrableDomain` below.
 */
export type RegistrableDomain = (host: string) => string | null;

/** Second-level labels under which country domains sell names (co.uk, com.au, co.jp, …). */
const SECOND_LEVEL = new Set(["ac", "co", "com", "edu", "gob", "gov", "gouv", "go", "govt", "info", "ltd", "me", "mil", "ne", "net", "nic", "nom", "or", "org", "plc", "sch", "biz"]);

/**
 * A small stand-in for the public suffix list: the last two labels, or three when the name is
 * under a two-letter country domain and a common second level (co.uk, com.au, co.jp, org.br).
 * @example compactRegistrableDomain("eu.acme.co.uk") → "acme.co.uk"
 * @example compactRegistrableDomain("mail.globex.io") → "globex.io"
 */
export const compactRegistrableDomain: RegistrableDomain = (host) => {
  const labels = host.toLowerCase().split(".").filter(Boolean);
  if (labels.length < 2) return null;
  const tld = labels[labels.length - 1]!;
  const second = labels[labels.length - 2]!;
  const take = tld.length === 2 && SECOND_LEVEL.has(second) && labels.length >= 3 ? 3 : 2;
  return labels.slice(-take).join(".");
};
