import type { RegistrableDomain } from "../../shared";

/** The public suffix list's answer, from tldts-icann: a chunk of its own, fetched on first use. */
const loadChunk = async (): Promise<RegistrableDomain> => {
  const { getDomain } = await import("tldts-icann");
  return (host) => getDomain(host);
};

let loaded: RegistrableDomain | null = null;

/**
 * Starts fetching the public suffix list's chunk (call it when the calendar read starts, so both
 * travel at once) and resolves to its `getDomain`, or to undefined when the chunk cannot be
 * loaded: the core then uses its compact rule and the card is still drawn. A failure is not
 * remembered, so the next week shown tries again.
 * @example await registrableDomain() → (host) => getDomain(host)   // "eu.acme.co.uk" → "acme.co.uk"
 */
export const registrableDomain = async (load: () => Promise<RegistrableDomain> = loadChunk): Promise<RegistrableDomain | undefined> => {
  if (loaded) return loaded;
  try {
    loaded = await load();
    return loaded;
  } catch {
    return undefined;
  }
};
