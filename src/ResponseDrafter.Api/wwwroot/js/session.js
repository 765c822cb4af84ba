// One open draft and the document in Word, kept in step. Screens read the draft from here and ask for changes; only
// this module changes what it holds, and it tells the screens ("draft", "status") when it has.
import { readLetter } from './docx.js';
import { isWithApprovers, names } from './signoff.js';
import * as word from './word.js';

/** A save the drafter chose not to make (it would void approvals); nothing was sent. */
export class SaveDeclined extends Error {}

/**
 * What saving a change costs while the letter is with approvers or approved, in one question; null when it costs nothing.
 * A standing approval is one on the latest version that has not been voided.
 */
export function costOfSaving(workflow) {
  if (!workflow || !(isWithApprovers(workflow.state) || workflow.state === 'approved')) return null;
  const latest = workflow.versions.at(-1)?.number;
  const standing = workflow.decisions.filter((d) => d.kind === 'approved' && !d.voidedAt && d.version === latest);
  if (standing.length === 0) {
    return `This withdraws version ${latest} from ${names(workflow.holders)}, who ${workflow.holders.length === 1 ? 'has' : 'have'} it to approve. Save anyway?`;
  }
  const who = standing.map((d) => d.stageName).join(', ');
  return `This voids ${standing.length} ${standing.length === 1 ? 'approval' : 'approvals'} (${who}). Save anyway?`;
}

export class DraftSession extends EventTarget {
  /**
   * @param {{ api: any, host: { kind: string }, draft: any, etag: string, report: any, confirmCost: (question: string) => Promise<boolean> }} start
   */
  constructor({ api, host, draft, etag, report, confirmCost }) {
    super();
    this.api = api;
    this.host = host;
    this.report = report;
    this.confirmCost = confirmCost;
    /** @type {any} */ this.draft = draft;
    /** @type {string} */ this.etag = etag;
    /** @type {any} */ this.status = null;
    /** @type {any} */ this.workflow = null;
    /** The body's text when Word and the server last agreed; null until they have (so the first save sends Word's). */
    this.wordText = null;
    /** Writes go one at a time: each needs the ETag the previous one returned. @type {Promise<unknown>} */
    this.queue = Promise.resolve();
  }

  get inWord() {
    return this.host.kind === 'word';
  }

  /** @template T @param {() => Promise<T>} work @returns {Promise<T>} */
  serial(work) {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => {});
    return run;
  }

  accept({ data, etag }) {
    this.draft = data;
    this.etag = etag;
    this.dispatchEvent(new Event('draft'));
  }

  /** The server's draft as it is now (after someone else saved it), without touching Word. */
  async reload() {
    this.accept(await this.api.draft(this.draft.id));
    await this.refresh();
  }

  async refresh() {
    [this.status, this.workflow] = await Promise.all([this.api.status(this.draft.id), this.api.workflow(this.draft.id)]);
    this.dispatchEvent(new Event('status'));
  }

  /** The open document carries this draft (it was built here, or opened from it). */
  async carried() {
    return this.inWord && (await word.documentDraft())?.draftId === this.draft.id;
  }

  /** Takes the open document's text as agreed with the server (the pane has just opened on it). */
  async startFromWord() {
    this.wordText = await word.bodyText();
  }

  /** Whether Word's text differs from what the server last had. */
  async wordChanged() {
    if (!(await this.carried())) return false;
    return (await word.bodyText()) !== this.wordText;
  }

  /** Asks before a save that would void approvals or withdraw a submission; throws SaveDeclined when the answer is no. */
  async confirmSaving() {
    const question = costOfSaving(this.workflow);
    if (question && !(await this.confirmCost(question))) throw new SaveDeclined('You kept the approvals: your text stays in Word, not saved.');
  }

  /** Saves Word's document (its exact bytes) when its text changed since the last save. Returns whether it sent anything. */
  saveWord() {
    return this.serial(async () => {
      if (!(await this.carried())) return false;
      const text = await word.bodyText();
      if (text === this.wordText) return false;
      await this.confirmSaving();
      this.accept(await this.api.saveDocument(this.draft.id, await word.documentFile(), this.etag));
      this.wordText = text;
      await this.refresh();
      return true;
    });
  }

  /** Brings the regions the server patched into Word; returns the regions the document no longer has. */
  async bringIntoWord(changed) {
    if (!changed?.length || !(await this.carried())) return [];
    const regions = new Set(changed.map((path) => path.split('/')[0]).filter((tag) => !tag.includes(':')));
    const { bytes } = await this.api.document(this.draft.id);
    const missing = await word.updateLetter(await readLetter(bytes), regions);
    this.wordText = await word.bodyText();
    return missing;
  }

  /**
   * A change to the draft: what was written in Word is saved first, then `send(draft, etag)` (built from the draft as it
   * is once Word's text is in), then the server's patch is brought into Word.
   */
  async change(send) {
    await this.saveWord();
    return this.serial(async () => {
      await this.confirmSaving();
      const result = await send(this.draft, this.etag);
      this.accept(result);
      const missing = await this.bringIntoWord(result.data.document?.changed);
      await this.refresh();
      return { result, missing };
    });
  }

  /** The whole letter built into the open document for the first time. */
  async insertLetter() {
    return this.serial(async () => {
      const { bytes } = await this.api.document(this.draft.id);
      await word.insertLetter(await readLetter(bytes));
      this.wordText = await word.bodyText();
    });
  }

  /** After an import (which the import screen sent itself) the session takes the answer like any change. */
  async adopt(result) {
    return this.serial(async () => {
      this.accept(result);
      await this.bringIntoWord(result.data.document?.changed);
      await this.refresh();
    });
  }

  /** The submit screen's answer: the draft's new ETag and version number. */
  adoptSubmitted(etag, version) {
    this.etag = etag;
    this.draft = { ...this.draft, version };
    this.refresh().catch(() => {});
  }
}
