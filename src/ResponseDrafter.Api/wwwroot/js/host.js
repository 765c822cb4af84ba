// Where the page runs: Word (Office.js), Teams (the Teams JS SDK) or a plain browser (development).

export function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`Could not load ${src}`));
    document.head.append(script);
  });
}

function within(promise, milliseconds) {
  return Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve(null), milliseconds))]);
}

/** { kind: 'word' | 'teams' | 'browser' }; Teams is announced by the tab URL's ?host=teams (see the Teams manifest). */
export async function detectHost() {
  if (typeof window.Office?.onReady === 'function') {
    const info = await within(window.Office.onReady(), 10_000);
    if (info?.host === window.Office.HostType.Word) return { kind: 'word', platform: info.platform };
  }

  if (new URLSearchParams(location.search).get('host') === 'teams') {
    await loadScript('lib/teams-js/MicrosoftTeams.min.js');
    await window.microsoftTeams.app.initialize();
    const context = await window.microsoftTeams.app.getContext();
    return { kind: 'teams', context };
  }

  return { kind: 'browser' };
}
