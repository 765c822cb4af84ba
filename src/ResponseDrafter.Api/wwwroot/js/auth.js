// Sign-in: nested app authentication (MSAL.js) inside Word and Teams when the API uses Entra ID; the local
// development sign-in when the API runs its embedded default. The browser only ever holds tokens for the API.
import { errorFrom, ApiError } from './api.js';
import { loadScript } from './host.js';

const LocalTokenKey = 'responsedrafter.localToken';
const LocalUserKey = 'responsedrafter.localUser';

/** The users of the local development sign-in, or null when the API signs in with Entra ID. */
export async function localUsers() {
  let response;
  try {
    response = await fetch('dev/users', { headers: { Accept: 'application/json' } });
  } catch {
    throw new ApiError('The ResponseDrafter server could not be reached. Check that it is running, then reload this page.');
  }
  if (response.status === 404) return null;
  if (!response.ok) throw await errorFrom(response);
  return response.json();
}

export function chosenLocalUser() {
  return sessionStorage.getItem(LocalUserKey);
}

export function forgetLocalUser() {
  sessionStorage.removeItem(LocalUserKey);
  sessionStorage.removeItem(LocalTokenKey);
}

/** Signs in as one configured local user; the token lives in this tab's session storage only. */
export async function signInLocally(userId) {
  const response = await fetch('dev/sign-in', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ user: userId }),
  });
  if (!response.ok) throw await errorFrom(response);
  const token = await response.json();
  sessionStorage.setItem(LocalUserKey, userId);
  sessionStorage.setItem(LocalTokenKey, JSON.stringify(token));
  return token;
}

function localTokenProvider(userId) {
  return async () => {
    const stored = JSON.parse(sessionStorage.getItem(LocalTokenKey) ?? 'null');
    const fresh = stored && Date.parse(stored.expiresAt) - Date.now() > 60_000;
    return (fresh ? stored : await signInLocally(userId)).accessToken;
  };
}

/** The add-in's Entra settings (lib/sign-in.json, written by the build from the environment file). */
export async function entraSettings() {
  const settings = await (await fetch('lib/sign-in.json')).json();
  if (!settings.clientId) {
    throw new ApiError('This ResponseDrafter server is not set up for Microsoft 365 sign-in yet. Ask your administrator to register it in Entra ID (docs/add-in.md).');
  }
  return settings;
}

/**
 * How Microsoft 365 sign-in runs on this page: 'nested' (nested app authentication through the Office host) when Word
 * supports the NestedAppAuth 1.1 requirement set; 'dialog' in a Word that does not (Microsoft's documented fallback:
 * sign in inside an Office dialog); 'msal' elsewhere (Teams brokers nested app authentication itself, and in a plain
 * browser MSAL signs in with a pop-up).
 * @param {{ kind: string }} host
 * @returns {'nested' | 'dialog' | 'msal'}
 */
export function signInRoute(host) {
  if (host.kind !== 'word') return 'msal';
  return Office.context.requirements.isSetSupported('NestedAppAuth', '1.1') ? 'nested' : 'dialog';
}

async function msalTokenProvider(settings) {
  await loadScript('lib/msal-browser/msal-browser.min.js');
  const msal = window.msal;
  // In Word and Teams this is nested app authentication through the host; elsewhere MSAL falls back to a normal sign-in.
  const app = await msal.createNestablePublicClientApplication({
    auth: { clientId: settings.clientId, authority: settings.authority, redirectUri: `${location.origin}/index.html` },
    cache: { cacheLocation: 'sessionStorage' },
  });
  return async () => {
    const request = { scopes: settings.scopes, account: app.getActiveAccount() ?? app.getAllAccounts()[0] };
    try {
      return (await app.acquireTokenSilent(request)).accessToken;
    } catch (error) {
      if (!(error instanceof msal.InteractionRequiredAuthError)) {
        throw new ApiError('Signing in to Microsoft 365 failed. Close and reopen ResponseDrafter; if it happens again, tell your administrator.');
      }
      const result = await app.acquireTokenPopup(request);
      app.setActiveAccount(result.account);
      return result.accessToken;
    }
  };
}

/** The page Word opens in its dialog to sign in (sign-in-dialog.html); it sends the API token back with messageParent. */
export const DialogPage = 'sign-in-dialog.html';

/**
 * One sign-in in an Office dialog: resolves with { accessToken, expiresOn } as the dialog page sends it.
 * @returns {Promise<{ accessToken: string, expiresOn: string }>}
 */
export function signInInDialog() {
  return new Promise((resolve, reject) => {
    const closedEarly = () => reject(new ApiError('The Microsoft 365 sign-in window was closed before you signed in. Reopen ResponseDrafter to sign in.'));
    Office.context.ui.displayDialogAsync(`${location.origin}/${DialogPage}`, { height: 60, width: 30 }, (opened) => {
      if (opened.status === Office.AsyncResultStatus.Failed) {
        reject(new ApiError(`Word could not open the Microsoft 365 sign-in window (${opened.error.message}). Close and reopen ResponseDrafter.`));
        return;
      }
      const dialog = opened.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        dialog.close();
        const message = 'message' in arg && typeof arg.message === 'string' ? JSON.parse(arg.message) : {};
        if (message.accessToken) resolve(message);
        else reject(new ApiError('Signing in to Microsoft 365 failed. Close and reopen ResponseDrafter; if it happens again, tell your administrator.'));
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, closedEarly);
    });
  });
}

/** Where Word has no nested app authentication: a token from the dialog, kept until a minute before it expires. */
function dialogTokenProvider() {
  /** @type {{ accessToken: string, expiresOn: string } | null} */
  let token = null;
  return async () => {
    if (!token || Date.parse(token.expiresOn) - Date.now() < 60_000) token = await signInInDialog();
    return token.accessToken;
  };
}

async function entraTokenProvider(host) {
  const settings = await entraSettings();
  return signInRoute(host) === 'dialog' ? dialogTokenProvider() : msalTokenProvider(settings);
}

/**
 * Decides how this page signs in. Returns { mode: 'local-development', users } when a local user must be chosen,
 * or { mode, token } with a token provider for the API.
 */
export async function startSignIn(host = { kind: 'browser' }) {
  const users = await localUsers();
  if (users === null) return { mode: 'entra', token: await entraTokenProvider(host) };
  const userId = chosenLocalUser();
  if (!userId || !users.some((u) => u.id === userId)) return { mode: 'local-development', users };
  return { mode: 'local-development', users, token: localTokenProvider(userId) };
}
