/**
 * What stands in for office.js in the browser tests (served in place of Microsoft's CDN file):
 * `Office.onReady`, the Outlook context (mailbox user, roaming settings, requirement sets) and the
 * nested app authentication bridge Outlook gives add-ins (`window.nestedAppAuthBridge`), which
 * answers MSAL's GetInitContext and GetToken with a fixed test token. The real @azure/msal-browser
 * in the bundle talks to it exactly as it talks to Outlook.
 */
export interface OfficeStubConfig {
  readonly me: string;
  /** Roaming settings at start, by key. */
  readonly roaming: Record<string, unknown>;
  readonly accessToken: string;
  /** The zone Outlook reports for the user (`userProfile.timeZone`; default "Eastern Standard Time", the fixtures' mailbox zone). */
  readonly hostZone?: string;
  /** Whether the host claims NestedAppAuth 1.1. */
  readonly naa?: boolean;
}

/** The stub's source, to serve as office.js. Records bridge calls in `window.__naaCalls` and saves in `window.__roamingSaves`. */
export const officeStubScript = (config: OfficeStubConfig): string => `
(function () {
  var config = ${JSON.stringify(config)};
  var values = JSON.parse(JSON.stringify(config.roaming));
  window.__naaCalls = [];
  window.__roamingSaves = [];
  var b64url = function (obj) { return btoa(JSON.stringify(obj)).replace(/=+$/, "").replace(/\\+/g, "-").replace(/\\//g, "_"); };
  var tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  var oid = "00000000-0000-0000-66f3-3332eca7ea81";
  var now = Math.floor(Date.now() / 1000);
  var idToken = b64url({ typ: "JWT", alg: "none" }) + "." + b64url({ aud: "client", iss: "https://login.microsoftonline.com/" + tenant + "/v2.0", iat: now, nbf: now, exp: now + 3600, name: "Alex Kim", oid: oid, preferred_username: config.me, sub: "sub", tid: tenant, ver: "2.0" }) + ".";
  var account = { homeAccountId: oid + "." + tenant, environment: "login.microsoftonline.com", tenantId: tenant, username: config.me, localAccountId: oid, name: "Alex Kim" };
  var listeners = [];
  window.nestedAppAuthBridge = {
    addEventListener: function (type, fn) { if (type === "message") listeners.push(fn); },
    removeEventListener: function (type, fn) { listeners = listeners.filter(function (l) { return l !== fn; }); },
    postMessage: function (text) {
      var request = JSON.parse(text);
      window.__naaCalls.push({ method: request.method, scope: request.tokenParams && request.tokenParams.scope, clientId: request.tokenParams && request.tokenParams.clientId });
      var answer = { messageType: "NestedAppAuthResponse", requestId: request.requestId, success: true };
      if (request.method === "GetInitContext") {
        answer.initContext = { sdkName: "next-week-test-host", sdkVersion: "1.0.0", capabilities: { queryAccount: false }, accountContext: { homeAccountId: account.homeAccountId, environment: account.environment, tenantId: tenant } };
      } else if (request.method === "GetToken" || request.method === "GetTokenPopup") {
        answer.token = { access_token: config.accessToken, id_token: idToken, expires_in: 3600, scope: request.tokenParams.scope, token_type: "Bearer" };
        answer.account = account;
      } else {
        answer.success = false;
        answer.error = { status: "PERSISTENT_ERROR", code: "unsupported", description: request.method };
      }
      setTimeout(function () { listeners.forEach(function (l) { l(JSON.stringify(answer)); }); }, 0);
    }
  };
  var ready = { host: "Outlook", platform: "OfficeOnline" };
  window.Office = {
    HostType: { Outlook: "Outlook" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    onReady: function (callback) { var p = Promise.resolve(ready); if (callback) p.then(callback); return p; },
    context: {
      requirements: { isSetSupported: function (name, version) { return name === "Mailbox" || (name === "NestedAppAuth" && config.naa !== false); } },
      mailbox: { userProfile: { emailAddress: config.me, displayName: "Alex Kim", timeZone: config.hostZone || "Eastern Standard Time" } },
      roamingSettings: {
        get: function (name) { return values[name]; },
        set: function (name, value) { values[name] = JSON.parse(JSON.stringify(value)); },
        remove: function (name) { delete values[name]; },
        saveAsync: function (callback) { window.__roamingSaves.push(JSON.parse(JSON.stringify(values))); setTimeout(function () { callback && callback({ status: "succeeded" }); }, 0); }
      }
    }
  };
})();
`;
