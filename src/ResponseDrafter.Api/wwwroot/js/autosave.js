// Saving Word's document to the server by itself: soon after the drafter writes, before Build and Submit, and when the
// pane is hidden or closed. One status line says "Saved 10:42", "Saving…" or "Not saved: <reason>. Retry"; a failed
// save leaves the document in Word exactly as it is.
import { SaveDeclined } from './session.js';
import { el, show } from './ui.js';
import * as word from './word.js';

const Quiet = 1000;
const Poll = 1500;
const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

/**
 * Starts saving the session's document as Word's text changes, and shows the state in `line` (an aria-live status).
 * @param {import('./session.js').DraftSession} session
 * @param {HTMLElement} line
 */
export function startAutosave(session, line) {
  let timer = 0;
  let poller = 0;
  let running = null;
  let stopped = false;
  const text = el('span', { class: 'save-text' });
  const retry = el('button', { type: 'button', class: 'link-button', hidden: true, on: { click: () => saveNow() } }, 'Retry');
  line.replaceChildren(text, ' ', retry);

  function say(words, failed = false) {
    text.textContent = words;
    line.classList.toggle('not-saved', failed);
    show(retry, failed);
  }

  /** Saves now (after any save under way). Returns true when Word's text is on the server. */
  async function saveNow() {
    clearTimeout(timer);
    if (running) await running.catch(() => {});
    running = (async () => {
      if (!(await session.wordChanged())) return true;
      const hadFocus = document.activeElement;
      say('Saving…');
      try {
        await session.saveWord();
        say(`Saved ${time.format(new Date())}`);
        return true;
      } catch (error) {
        say(`Not saved: ${await reasonOf(error)}`, true);
        return false;
      } finally {
        if (document.activeElement === document.body && hadFocus instanceof HTMLElement && hadFocus.isConnected) hadFocus.focus();
      }
    })();
    try {
      return await running;
    } finally {
      running = null;
    }
  }

  /** Why a save failed, and what to do; a 412 first loads the other save's state (Word keeps its text). */
  async function reasonOf(error) {
    if (error instanceof SaveDeclined) return `${error.message} Retry to save it.`;
    if (error?.status === 412) {
      try {
        await session.reload();
        return 'someone else saved this draft meanwhile. Their changes are now shown here and your text in Word is kept as it is; Retry saves your text over theirs.';
      } catch {
        return 'someone else saved this draft meanwhile, and their version could not be loaded. Your text in Word is kept; Retry.';
      }
    }
    const message = String(error?.message ?? error).replace(/;? ?your text is kept\.?$/i, '').replace(/\.$/, '');
    return `${message.charAt(0).toLowerCase()}${message.slice(1)}. Your text in Word is kept as it is; Retry.`;
  }

  function schedule() {
    if (stopped) return;
    clearTimeout(timer);
    timer = window.setTimeout(() => saveNow(), Quiet);
  }

  async function poll() {
    if (stopped || running || line.classList.contains('not-saved')) return;
    try {
      if (await session.wordChanged()) schedule();
    } catch {
      // Word busy (a dialog open); the next poll tries again.
    }
  }

  const onHide = () => {
    if (document.visibilityState === 'hidden') saveNow();
  };
  document.addEventListener('visibilitychange', onHide);
  window.addEventListener('pagehide', onHide);

  (async () => {
    if (!session.inWord) {
      say('Outside Word: the pane saves each change as you make it.');
      return;
    }
    say((await session.carried()) ? 'No unsaved changes.' : 'Nothing to save yet: build the letter, then write in it.');
    const events = await word.watchParagraphs(schedule).catch(() => false);
    // Word's events miss some edits (a table cell, a header), so a slower look at the text stays on even with them.
    poller = window.setInterval(poll, events ? Poll * 4 : Poll);
  })();

  return {
    saveNow,
    say,
    stop() {
      stopped = true;
      clearTimeout(timer);
      clearInterval(poller);
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onHide);
    },
  };
}
