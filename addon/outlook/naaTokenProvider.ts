import type { AccountInfo, IPublicClientApplication } from "@azure/msal-browser";
import { AuthError, PermissionError } from "../../shared";
import { GRAPH_SCOPES, type TokenProvider } from "./tokenProvider";

export interface NaaOptions {
  /** The Entra app registration's application (client) id. */
  readonly clientId: string;
  /** "https://login.microsoftonline.com/common" unless the registration is single-tenant. */
  readonly authority?: string;
  /** The signed-in mailbox, as a login hint for the interactive fallback. */
  readonly loginHint?: string | undefined;
}

const errorCode = (error: unknown): string =>
  typeof error === "object" && error !== null && "errorCode" in error ? String((error as { errorCode: unknown }).errorCode) : "";

/** Maps an MSAL failure to the error a salesperson can act on. */
export const authFailure = (error: unknown): AuthError | PermissionError => {
  const code = errorCode(error);
  const text = error instanceof Error ? error.message : String(error);
  if (/consent_required|AADSTS65001|invalid_grant.*consent/i.test(`${code} ${text}`)) {
    return new PermissionError(
      `Next Week needs your consent to ${GRAPH_SCOPES.join(" and ")}. Sign in again and accept, or ask your Microsoft 365 admin to approve the add-in.`,
      { cause: error },
    );
  }
  if (/user_cancelled|user_canceled|popup_window_error|empty_window_error|monitor_window_timeout/i.test(code)) {
    return new AuthError("Sign-in was cancelled or blocked. Choose “Sign in again” and finish signing in.", { cause: error });
  }
  return new AuthError("Outlook could not sign you in to Microsoft 365. Choose “Sign in again”.", { cause: error });
};

/**
 * Starts loading and evaluating the sign-in library now (the page already preloads its file), so
 * it is ready when Office is; a failure here is reported later by `naaTokenProvider`.
 */
export const warmUpSignIn = (): void => {
  import("@azure/msal-browser").catch(() => undefined);
};

/**
 * Nested app authentication (NAA): Outlook hands the add-in a token for the signed-in account.
 * Silent first; when the account must interact (consent, MFA, expired session), a popup.
 * `createNestablePublicClientApplication` falls back to a standard browser client where the
 * host offers no NAA bridge.
 * @example (await naaTokenProvider({ clientId })).getToken() → "eyJ0eXAi…"
 */
export const naaTokenProvider = async (options: NaaOptions): Promise<TokenProvider> => {
  let pca: IPublicClientApplication;
  let msal: typeof import("@azure/msal-browser");
  try {
    // MSAL is its own chunk (the page preloads it while the loading screen paints): the pane's
    // own code stays small, and the sign-in library is cached apart from it.
    msal = await import("@azure/msal-browser");
    pca = await msal.createNestablePublicClientApplication({
      auth: { clientId: options.clientId, authority: options.authority ?? "https://login.microsoftonline.com/common" },
    });
  } catch (cause) {
    throw new AuthError("Outlook could not start the Microsoft 365 sign-in. Close and reopen Next Week.", { cause });
  }
  const scopes = [...GRAPH_SCOPES];
  const account = (): AccountInfo | undefined => pca.getActiveAccount() ?? pca.getAllAccounts()[0];

  const popup = async (): Promise<string> => {
    try {
      const result = await pca.acquireTokenPopup({ scopes, ...(options.loginHint ? { loginHint: options.loginHint } : {}) });
      pca.setActiveAccount(result.account);
      return result.accessToken;
    } catch (error) {
      throw authFailure(error);
    }
  };

  const silent = async (): Promise<string> => {
    try {
      const current = account();
      const result = await pca.acquireTokenSilent({ scopes, ...(current ? { account: current } : {}) });
      if (!current) pca.setActiveAccount(result.account);
      return result.accessToken;
    } catch (error) {
      if (error instanceof msal.InteractionRequiredAuthError || /no_account|interaction_required|login_required|consent_required/i.test(errorCode(error))) {
        return popup();
      }
      throw authFailure(error);
    }
  };

  // Requests that arrive together (the mailbox and the calendar are read in parallel) share one
  // silent attempt, so an account that must interact sees one popup, not two.
  let pending: Promise<string> | null = null;
  return {
    getToken(request) {
      if (request?.interactive) return popup();
      pending ??= silent().finally(() => {
        pending = null;
      });
      return pending;
    },
  };
};
