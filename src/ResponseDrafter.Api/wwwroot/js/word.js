// Every Office.js call the pane makes. Each write happens inside Word.run(async (context) => { …; await context.sync(); }).
import { IdentityNamespace, readIdentity } from './docx.js';

const RegionsSetting = 'ResponseDrafter.regions';
const AutoShowSetting = 'Office.AutoShowTaskpaneWithDocument';

/**
 * The rendered letter as docx.js reads it.
 * @typedef {{ base64: string, regions: { tag: string, ooxml: string }[], identityXml: string, marking: { text: string, ooxml: string } | null }} Letter
 */

/** The draft the open document carries ({ draftId, version, reportTitle }), or null. */
export function documentDraft() {
  return Word.run(async (context) => {
    const parts = context.document.customXmlParts.getByNamespace(IdentityNamespace);
    parts.load('items');
    await context.sync();
    if (parts.items.length === 0) return null;
    const xml = parts.items[0].getXml();
    await context.sync();
    return readIdentity(xml.value);
  });
}

/**
 * The body's text as Word shows it: how the pane tells that someone has written in the document since it last synced.
 * @returns {Promise<string>}
 */
export function bodyText() {
  return Word.run(async (context) => {
    const body = context.document.body;
    body.load('text');
    await context.sync();
    return body.text;
  });
}

export async function documentHasText() {
  return (await bodyText()).trim().length > 0;
}

/**
 * @param {Word.RequestContext} context
 * @param {string} xml
 */
async function writeIdentity(context, xml) {
  const parts = context.document.customXmlParts.getByNamespace(IdentityNamespace);
  parts.load('items');
  await context.sync();
  if (parts.items.length === 0) {
    context.document.customXmlParts.add(xml);
  } else {
    parts.items[0].setXml(xml);
    for (const extra of parts.items.slice(1)) extra.delete();
  }
  await context.sync();
}

/**
 * @param {Record<string, unknown>} values
 * @returns {Promise<void>}
 */
function saveSettings(values) {
  const settings = Office.context.document.settings;
  for (const [name, value] of Object.entries(values)) settings.set(name, value);
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => (result.status === Office.AsyncResultStatus.Failed ? reject(new Error(result.error.message)) : resolve()));
  });
}

/**
 * First build: the rendered letter becomes the document; the document then reopens the pane by itself.
 * @param {Letter} letter
 */
export async function insertLetter(letter) {
  await Word.run(async (context) => {
    context.document.body.insertFileFromBase64(letter.base64, Word.InsertLocation.replace);
    await context.sync();
    await writeIdentity(context, letter.identityXml);
  });
  await saveSettings({ [AutoShowSetting]: true, [RegionsSetting]: letter.regions.map((r) => r.tag) });
}

/**
 * Brings the open document in line with the server's copy: replaces the content of the top-level regions named in
 * `changed` (all of them when it is null) with the server's, clears regions the server's copy no longer has, updates the
 * DRAFT marking, and leaves everything else as the drafter left it. Returns the tags it could not find.
 * @param {Letter} letter
 * @param {Set<string> | null} [changed]
 * @returns {Promise<string[]>}
 */
export async function updateLetter(letter, changed = null) {
  /** @type {string[]} */
  const previous = Office.context.document.settings.get(RegionsSetting) ?? [];
  const current = new Set(letter.regions.map((r) => r.tag));
  const stale = previous.filter((tag) => !current.has(tag));
  const regions = changed ? letter.regions.filter((r) => changed.has(r.tag)) : letter.regions;

  const missing = await Word.run(async (context) => {
    const controls = context.document.contentControls;
    const found = regions.map((region) => ({ region, controls: controls.getByTag(region.tag) }));
    const cleared = stale.map((tag) => controls.getByTag(tag));
    const markings = controls.getByTag('draft');
    for (const collection of [...found.map((f) => f.controls), ...cleared, markings]) collection.load('items');
    await context.sync();

    for (const { region, controls: matches } of found) {
      for (const control of matches.items) control.insertOoxml(region.ooxml, Word.InsertLocation.replace);
    }
    for (const collection of cleared) {
      for (const control of collection.items) control.clear();
    }
    if (!letter.marking) {
      for (const marking of markings.items) marking.delete(false);
    } else if (markings.items.length > 0) {
      for (const marking of markings.items) marking.insertText(letter.marking.text, Word.InsertLocation.replace);
    } else {
      context.document.sections.getFirst().getHeader(Word.HeaderFooterType.primary).insertOoxml(letter.marking.ooxml, Word.InsertLocation.start);
    }
    await context.sync();
    await writeIdentity(context, letter.identityXml);
    return found.filter((f) => f.controls.items.length === 0).map((f) => f.region.tag);
  });

  const kept = [...current].filter((tag) => !missing.includes(tag));
  await saveSettings({ [RegionsSetting]: [...new Set([...kept, ...stale])] });
  return missing;
}

const SliceSize = 64 * 1024;

/**
 * @param {Office.File} file
 * @param {number} index
 * @returns {Promise<Uint8Array<ArrayBuffer>>}
 */
function sliceOf(file, index) {
  return new Promise((resolve, reject) => {
    file.getSliceAsync(index, (result) => (result.status === Office.AsyncResultStatus.Failed
      ? reject(new Error(`Word could not read the open document (${result.error.message}). Try again.`))
      : resolve(new Uint8Array(result.value.data))));
  });
}

/**
 * The open document's exact bytes as a .docx (Document.getFileAsync, read slice by slice, then closed).
 * @returns {Promise<Uint8Array<ArrayBuffer>>}
 */
export function documentFile() {
  return new Promise((resolve, reject) => {
    Office.context.document.getFileAsync(Office.FileType.Compressed, { sliceSize: SliceSize }, async (result) => {
      if (result.status === Office.AsyncResultStatus.Failed) {
        reject(new Error(`Word could not hand over the open document (${result.error.message}). Wait a moment and try again.`));
        return;
      }
      const file = result.value;
      try {
        /** @type {Uint8Array<ArrayBuffer>[]} */
        const slices = [];
        for (let index = 0; index < file.sliceCount; index++) slices.push(await sliceOf(file, index));
        const bytes = new Uint8Array(slices.reduce((total, slice) => total + slice.length, 0));
        let offset = 0;
        for (const slice of slices) {
          bytes.set(slice, offset);
          offset += slice.length;
        }
        resolve(bytes);
      } catch (error) {
        reject(error);
      } finally {
        // Word keeps at most two files open for add-ins; an unclosed one makes the next getFileAsync fail.
        file.closeAsync();
      }
    });
  });
}

/**
 * Puts Word's selection in the region answering one item ("response:2"): in its commentary when the region has one,
 * where the drafter writes, or else on the whole region. Returns false when the document has no such region.
 * @param {string} ref
 * @returns {Promise<boolean>}
 */
export function selectRegion(ref) {
  return Word.run(async (context) => {
    const regions = context.document.contentControls.getByTag(`response:${ref}`);
    regions.load('items');
    await context.sync();
    if (regions.items.length === 0) return false;
    const commentary = regions.items[0].contentControls.getByTag('response.commentary');
    commentary.load('items');
    await context.sync();
    if (commentary.items.length > 0) commentary.items[0].select(Word.SelectionMode.start);
    else regions.items[0].select(Word.SelectionMode.select);
    await context.sync();
    return true;
  });
}

/**
 * Calls `onChange` whenever the drafter changes a paragraph in Word, where Word has the events (WordApi 1.6).
 * Returns false when it does not, so the caller watches by other means.
 * @param {() => void} onChange
 * @returns {Promise<boolean>}
 */
export async function watchParagraphs(onChange) {
  if (!Office.context.requirements?.isSetSupported('WordApi', '1.6')) return false;
  const handler = async () => onChange();
  return Word.run(async (context) => {
    context.document.onParagraphChanged.add(handler);
    context.document.onParagraphAdded.add(handler);
    context.document.onParagraphDeleted.add(handler);
    await context.sync();
    return true;
  });
}
