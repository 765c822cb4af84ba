// Shared start-up of every page: the host, the sign-in (with the local development user picker) and the API client.
import { createApi } from './api.js';
import { signInLocally, startSignIn } from './auth.js';
import { detectHost } from './host.js';
import { byId, el, show, showError, showIdentity } from './ui.js';

/** Shows the "Local development sign-in" picker in #local-sign-in and resolves once a user is chosen. */
export function pickLocalUser(users, heading = 'h2') {
  const section = byId('local-sign-in');
  return new Promise((resolve) => {
    const list = el('ul', { class: 'user-list' }, users.map((user) => el('li', {},
      el('fluent-button', {
        appearance: 'neutral',
        on: {
          click: async () => {
            try {
              await signInLocally(user.id);
              show(section, false);
              resolve(user.id);
            } catch (error) {
              showError(error);
            }
          },
        },
      }, `Sign in as ${user.name}`),
      el('span', { class: 'hint' }, ` ${user.roles.join(', ')}`))));
    section.replaceChildren(
      el(heading, {}, 'Local development sign-in'),
      el('p', {}, 'This server runs without Microsoft 365: choose who to be. These are not real identities; do not use real data.'),
      list);
    show(section, true);
  });
}

/** { host, api, me } once the user is signed in. */
export async function start() {
  const host = await detectHost();
  document.documentElement.dataset.host = host.kind;
  let signIn = await startSignIn(host);
  if (!signIn.token) {
    await pickLocalUser(signIn.users, [.../** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('main h1'))].some((h) => h.offsetParent !== null) ? 'h2' : 'h1');
    signIn = await startSignIn(host);
  }
  const api = createApi(signIn.token);
  const me = await api.me();
  showIdentity(me);
  return { host, api, me };
}

export function failAtStart(error) {
  const region = byId('alert');
  if (region) showError(error);
}
