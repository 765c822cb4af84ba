// Word's sign-in dialog, opened by the task pane where Word has no nested app authentication (auth.js, signInInDialog):
// MSAL signs in by redirect inside the dialog, and the API token goes back to the pane with messageParent.
import { entraSettings } from './auth.js';
import { loadScript } from './host.js';

/** @param {{ accessToken: string, expiresOn: Date | null }} result */
function sendToPane(result) {
  const expiresOn = (result.expiresOn ?? new Date(Date.now() + 5 * 60_000)).toISOString();
  Office.context.ui.messageParent(JSON.stringify({ accessToken: result.accessToken, expiresOn }));
}

async function signIn() {
  await Office.onReady();
  const settings = await entraSettings();
  await loadScript('lib/msal-browser/msal-browser.min.js');
  const app = await window.msal.createStandardPublicClientApplication({
    auth: { clientId: settings.clientId, authority: settings.authority, redirectUri: `${location.origin}/sign-in-dialog.html` },
    cache: { cacheLocation: 'sessionStorage' },
  });
  const returned = await app.handleRedirectPromise();
  if (returned) {
    sendToPane(returned);
    return;
  }
  const account = app.getAllAccounts()[0];
  if (account) {
    try {
      sendToPane(await app.acquireTokenSilent({ scopes: settings.scopes, account }));
      return;
    } catch {
      // The cached sign-in is not enough (expired, or consent needed): sign in again below.
    }
  }
  await app.acquireTokenRedirect({ scopes: settings.scopes });
}

signIn().catch((error) => {
  const state = document.getElementById('sign-in-state');
  if (state) state.textContent = `Signing in failed: ${error instanceof Error ? error.message : String(error)}. Close this window and try again.`;
  Office.context.ui.messageParent(JSON.stringify({ error: 'sign-in-failed' }));
});
