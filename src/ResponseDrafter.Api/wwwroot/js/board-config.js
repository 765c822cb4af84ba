// Teams channel tab configuration: the channel tab shows the same board as the personal tab.
import { detectHost } from './host.js';
import { showError } from './ui.js';

async function main() {
  const host = await detectHost();
  if (host.kind !== 'teams') return;
  const teams = window.microsoftTeams;
  teams.pages.config.registerOnSaveHandler(async (saveEvent) => {
    await teams.pages.config.setConfig({
      entityId: 'deadline-board',
      suggestedDisplayName: 'Section 55 deadlines',
      contentUrl: `${location.origin}/board.html?host=teams`,
      websiteUrl: `${location.origin}/board.html`,
    });
    saveEvent.notifySuccess();
  });
  teams.pages.config.setValidityState(true);
}

main().catch(showError);
