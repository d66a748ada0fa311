/**
 * Where Graph access tokens come from. The task pane depends on this small interface only, so
 * nested app authentication (production), a fixed token (preview) and test stubs are swappable.
 */
export interface TokenProvider {
  /**
   * An access token for Microsoft Graph with the add-in's scopes.
   * `interactive: true` skips the silent attempt and asks the user to sign in (needs a click).
   * Rejects with an `AuthError` (sign in again) or `PermissionError` (consent missing).
   */
  getToken(options?: { readonly interactive?: boolean }): Promise<string>;
}

/** The only Graph permissions the add-in asks for (delegated). */
export const GRAPH_SCOPES: readonly string[] = ["Calendars.ReadWrite", "MailboxSettings.Read"];

/**
 * A provider that always returns the same token (the preview, and tests).
 * @example fixedTokenProvider("preview").getToken() → Promise<"preview">
 */
export const fixedTokenProvider = (token: string): TokenProvider => ({
  getToken: () => Promise.resolve(token),
});
