// The development landing page: links to both screens and the local development sign-in user picker.
import { forgetLocalUser, localUsers } from './auth.js';
import { pickLocalUser } from './signin.js';
import { byId, show, showError } from './ui.js';

async function main() {
  const users = await localUsers();
  if (users === null) return;
  const current = () => users.find((u) => u.id === sessionStorage.getItem('responsedrafter.localUser'));
  const showChosen = () => {
    byId('signed-in-as').textContent = `Signed in as ${current().name} (${current().roles.join(', ')}). Not a real identity: do not use real data.`;
    show(byId('signed-in'), true);
  };
  byId('switch-user').addEventListener('click', async () => {
    forgetLocalUser();
    show(byId('signed-in'), false);
    await pickLocalUser(users);
    showChosen();
  });
  if (!current()) await pickLocalUser(users);
  showChosen();
}

main().catch(showError);
