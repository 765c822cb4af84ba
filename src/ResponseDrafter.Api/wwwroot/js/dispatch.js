// After final approval, in the drafter's pane: send the signed PDF (dispatch), then record where the package (the PDF and
// the web version, both carrying the force's comments) was published. Everyone sees the state; only drafters get the buttons (the server refuses others).
import { names } from './signoff.js';
import { byId, el, show } from './ui.js';

const Finishing = new Set(['approved', 'dispatched', 'published']);
const PollEvery = 1000;
const PollFor = 120_000;

const PublicationFields = {
  letterUrl: { label: 'Web address of the published PDF', hint: 'The address of the PDF on the OPCC\'s website.', required: true },
  webUrl: { label: 'Web address of the published web page', hint: 'The page on the OPCC\'s website that shows the web version.', required: true },
  chiefConstableCommentsUrl: {
    label: 'Web address of the force\'s own copy (optional)',
    hint: 'The force\'s comments are already in the letter and its annex. Give this only if the force also publishes its own copy.',
    required: false,
  },
};

const sentAt = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London',
});

/** "3 December 2026 at 10:42" (UK time). */
function formatSentAt(iso) {
  return sentAt.format(new Date(iso)).replace(',', ' at');
}

/** The state of the one draft shown, so a late poll for an earlier draft changes nothing. */
const state = { api: null, draftId: null, canAct: false, settings: null, polling: null, onChange: null, shown: null };

/** What the step shows depends on these alone; the same again is not redrawn, so addresses being typed stay. */
function stageKey(workflow) {
  return JSON.stringify([workflow.draftId, workflow.state, Boolean(workflow.final?.pdfSha256), Boolean(workflow.final?.webSha256), workflow.dispatch?.requestedAt ?? null,
    workflow.dispatch?.sentAt ?? null, workflow.publication?.at ?? null]);
}

/**
 * Shows the dispatch and publication step for the drafter's open draft, or hides it before final approval.
 * @param {{ api: any, draft: { id: string }, canDraft: boolean }} drafter
 * @param {any} workflow the draft's WorkflowDto
 * @param {(workflow: any) => void} onChange told of each newer reading of the workflow (the sign-off section's sentence)
 */
export async function showFinishing(drafter, workflow, onChange) {
  const section = byId('finish');
  if (state.draftId !== drafter.draft.id) stopPolling();
  Object.assign(state, { api: drafter.api, draftId: drafter.draft.id, canAct: drafter.canDraft, onChange });
  if (!Finishing.has(workflow.state)) {
    show(section, false);
    return;
  }
  state.settings ??= await state.api.signOffSettings();
  show(section, true);
  if (stageKey(workflow) !== state.shown) render(workflow);
}

function stopPolling() {
  if (state.polling) clearTimeout(state.polling);
  state.polling = null;
}

/** Reads the workflow every second until `done(workflow)`, then shows that reading; after PollFor, `onTimeout()`. */
function pollUntil(done, onTimeout) {
  stopPolling();
  const draftId = state.draftId;
  const until = Date.now() + PollFor;
  const next = async () => {
    state.polling = null;
    let workflow;
    try {
      workflow = await state.api.workflow(draftId);
    } catch {
      // A failed reading is only a missed look: the next one, a second later, may succeed.
      workflow = null;
    }
    if (draftId !== state.draftId) return;
    if (workflow && done(workflow)) {
      state.onChange?.(workflow);
      render(workflow, { arrived: true });
    } else if (Date.now() > until) {
      onTimeout();
    } else {
      state.polling = setTimeout(next, PollEvery);
    }
  };
  state.polling = setTimeout(next, PollEvery);
}

function progress(text) {
  const line = byId('finish-progress');
  line.replaceChildren(el('fluent-progress-ring', { 'aria-hidden': 'true' }), el('span', {}, text));
  show(line, true);
}

function stopProgress() {
  const line = byId('finish-progress');
  line.replaceChildren();
  show(line, false);
}

/** Focus follows the step only when it was on the step (or nowhere): a reading elsewhere in the pane is not interrupted. */
function focusIfHere(target) {
  const active = document.activeElement;
  if (!active || active === document.body || byId('finish').contains(active)) target.focus();
}

/** Announced politely; the step's own text stays on screen. */
function say(text) {
  byId('finish-status').textContent = text;
}

function recipients() {
  const s = state.settings;
  return {
    to: [
      { who: 'Home Office', called: 'the Home Office', address: s.homeOfficeMailbox },
      { who: 'HM Chief Inspector of Constabulary', called: 'HM Chief Inspector of Constabulary', address: s.chiefInspectorMailbox },
    ],
    cc: s.ccEmails ?? [],
  };
}

/** "Sent to the Home Office and HM Chief Inspector of Constabulary (cc …) on 3 December 2026 at 10:42." */
function sentLine(workflow) {
  const { to, cc } = recipients();
  const copied = cc.length > 0 ? `, copied to ${names(cc)},` : '';
  return `Sent to ${names(to.map((r) => `${r.called} (${r.address})`))}${copied} on ${formatSentAt(workflow.dispatch.sentAt)}.`;
}

function render(workflow, { arrived = false } = {}) {
  const body = byId('finish-body');
  state.shown = stageKey(workflow);
  stopProgress();
  if (workflow.state === 'approved') {
    body.replaceChildren(...dispatchStep(workflow));
    if (arrived && workflow.final?.pdfSha256 && !workflow.dispatch) say('The PDF of the signed letter is ready to send.');
    return;
  }

  const sent = el('p', { id: 'dispatch-result', class: 'finish-done', tabindex: '-1' }, sentLine(workflow));
  if (workflow.state === 'published') {
    body.replaceChildren(sent, ...publishedState(workflow));
    return;
  }
  body.replaceChildren(sent, ...publicationStep(workflow));
  if (arrived) {
    say(sent.textContent);
    focusIfHere(sent);
  }
}

function dispatchStep(workflow) {
  const { to, cc } = recipients();
  const final = workflow.final;
  const heading = el('h3', { id: 'dispatch-heading' }, 'Dispatch the signed letter');
  if (!state.settings.homeOfficeMailbox || !state.settings.chiefInspectorMailbox) {
    return [heading, el('p', { class: 'panel' },
      'The letter cannot be sent yet: an administrator must set the Home Office mailbox and HM Chief Inspector\'s address in the sign-off settings.')];
  }

  const parts = [
    heading,
    el('p', {}, `Version ${final.approvedVersion} was approved and signed on ${formatSignedOn(final.signedOn)}. It is sent by email as a PDF:`),
    el('dl', { class: 'dispatch-facts' },
      el('dt', {}, 'To'),
      to.map((r) => el('dd', {}, `${r.who}: ${r.address}`)),
      el('dt', {}, 'Copied to'),
      cc.length > 0 ? cc.map((address) => el('dd', {}, address)) : el('dd', {}, 'Nobody'),
      el('dt', {}, 'Attached'),
      el('dd', { id: 'dispatch-pdf' }, final.pdfFileName ?? 'The signed letter (PDF)')),
  ];

  if (workflow.dispatch) {
    progress(`Sending the letter to ${names(to.map((r) => r.called))}…`);
    pollUntil((w) => Boolean(w.dispatch?.sentAt), () => {
      stopProgress();
      say('The letter is queued and will be sent shortly. Come back to this pane to see when it went.');
      byId('finish-body').append(el('p', { class: 'hint' }, 'The letter is queued and will be sent shortly. Come back to this pane to see when it went.'));
    });
    return parts;
  }

  if (!final.pdfSha256) {
    progress('Making the PDF of the signed letter…');
    pollUntil((w) => w.state !== 'approved' || Boolean(w.final?.pdfSha256), () => {
      stopProgress();
      byId('finish-body').append(el('p', { class: 'hint' },
        'The PDF is taking longer than usual. Come back to this pane in a few minutes; the letter can be sent once it is ready.'));
    });
    return parts;
  }

  const send = el('fluent-button', { id: 'dispatch-send', class: 'drafting-only', appearance: 'accent', 'aria-describedby': 'dispatch-note' },
    'Send the letter');
  send.addEventListener('click', () => dispatch(send));
  parts.push(
    el('div', { class: 'finish-buttons' }, ...downloads(final, 'dispatch-error', 'dispatch-pdf'), state.canAct ? send : null),
    state.canAct
      ? el('p', { id: 'dispatch-note', class: 'hint' }, 'Sending cannot be undone: the email goes out once, with exactly this PDF.')
      : el('p', { class: 'hint' }, 'A drafter sends the letter.'),
    el('p', { id: 'dispatch-error', class: 'field-error', hidden: true }));
  return parts;
}

function formatSignedOn(isoDate) {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** The files to publish: the PDF, and the web version once made (it is made just after the PDF). */
function downloads(final, errorId, describedBy) {
  const pdf = el('fluent-button', { appearance: 'outline', 'aria-describedby': describedBy }, 'Download the PDF');
  pdf.addEventListener('click', () => download(pdf, state.api.finalPdf, 'application/pdf', final.pdfFileName ?? 'signed-letter.pdf', errorId));
  if (!final.webSha256) return [pdf];
  const web = el('fluent-button', { id: 'download-web', appearance: 'outline', 'aria-describedby': describedBy }, 'Download the web version');
  web.addEventListener('click', () => download(web, state.api.finalWeb, 'text/html', final.webFileName ?? 'signed-letter.html', errorId));
  return [pdf, web];
}

async function download(button, fetchFile, type, fileName, errorId) {
  button.disabled = true;
  try {
    const { bytes, name } = await fetchFile(state.draftId);
    const url = URL.createObjectURL(new Blob([bytes], { type }));
    const link = el('a', { href: url, download: name ?? fileName });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    say(`${name ?? fileName} was downloaded.`);
  } catch (caught) {
    refuse(errorId, /** @type {Error} */ (caught).message);
  } finally {
    button.disabled = false;
  }
}

/** A refusal beside the control that caused it, announced, with focus on it. */
function refuse(id, message) {
  const line = byId(id);
  line.textContent = message;
  show(line, true);
  say(message);
}

async function dispatch(button) {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  const error = byId('dispatch-error');
  show(error, false);
  const { to } = recipients();
  const sending = `Sending the letter to ${names(to.map((r) => r.called))}…`;
  progress(sending);
  say(sending);
  byId('finish-progress').focus();
  try {
    const workflow = await state.api.dispatch(state.draftId);
    state.onChange?.(workflow);
    render(workflow);
    byId('finish-progress').focus();
  } catch (caught) {
    stopProgress();
    button.disabled = false;
    button.setAttribute('aria-busy', 'false');
    refuse('dispatch-error', /** @type {Error} */ (caught).message);
    button.focus();
  }
}

function field(name) {
  const { label, hint } = PublicationFields[name];
  const id = `publication-${name}`;
  return el('div', { class: 'url-field' },
    el('label', { for: id }, label),
    el('p', { id: `${id}-hint`, class: 'hint' }, hint),
    el('input', {
      id, name, type: 'url', inputmode: 'url', autocomplete: 'url', spellcheck: 'false', placeholder: 'https://',
      'aria-describedby': `${id}-hint ${id}-error`,
    }),
    el('p', { id: `${id}-error`, class: 'field-error', hidden: true }));
}

function publicationStep(workflow) {
  const heading = el('h3', { id: 'publication-heading' }, 'Record the publication');
  if (!state.canAct) return [heading, el('p', {}, 'Not recorded yet: a drafter records where the PDF and the web version were published.')];
  const final = workflow.final;
  if (!final?.webSha256) {
    pollUntil((w) => Boolean(w.final?.webSha256), () => {
      byId('finish-body').append(el('p', { class: 'hint' }, 'The web version is taking longer than usual. Come back to this pane in a few minutes.'));
    });
    return [heading, el('p', {}, 'The web version of the signed letter is being made; it can be published once it is ready.')];
  }

  const form = el('form', { id: 'publication', class: 'publication', 'aria-labelledby': 'publication-heading', novalidate: true },
    el('p', { id: 'publication-files' },
      'Publish both files on the OPCC\'s website: the PDF and the web version. Each carries the force\'s comments with who supplied them and when.'),
    el('div', { class: 'finish-buttons' }, ...downloads(final, 'publication-error', 'publication-files')),
    field('letterUrl'),
    field('webUrl'),
    field('chiefConstableCommentsUrl'),
    el('fluent-button', { id: 'publication-save', appearance: 'accent', on: { click: () => publish(form) } }, 'Record publication'),
    el('p', { id: 'publication-error', class: 'field-error', hidden: true }));
  // Two fields and a custom-element button: the browser's implicit submission does not apply, so Enter is wired here.
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      publish(form);
    }
  });
  return [heading, form];
}

/** The server's rule, checked first so a typo is named before anything is sent: a public https:// address. */
function urlProblem(value, required) {
  if (!value) return required ? 'Give the https:// address where it is published.' : null;
  let url;
  try {
    url = new URL(value);
  } catch {
    return 'This is not a web address. Copy it from the browser\'s address bar; it starts with https://.';
  }
  return url.protocol === 'https:' ? null : 'Give an https:// address (the public page, not a file or an http:// link).';
}

function markField(name, problem) {
  const input = /** @type {HTMLInputElement} */ (byId(`publication-${name}`));
  const error = byId(`publication-${name}-error`);
  error.textContent = problem ?? '';
  show(error, Boolean(problem));
  if (problem) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
  return problem ? input : null;
}

async function publish(form) {
  if (/** @type {FluentControl} */ (byId('publication-save')).disabled) return;
  const values = Object.fromEntries(Object.keys(PublicationFields).map((name) => [name, /** @type {HTMLInputElement} */ (byId(`publication-${name}`)).value.trim()]));
  show(byId('publication-error'), false);
  const invalid = Object.keys(PublicationFields).map((name) => markField(name, urlProblem(values[name], PublicationFields[name].required))).filter(Boolean);
  if (invalid.length > 0) {
    say(`Not recorded: ${invalid.length === 1 ? 'one address needs' : `${invalid.length} addresses need`} correcting.`);
    invalid[0].focus();
    return;
  }

  const button = /** @type {FluentControl} */ (byId('publication-save'));
  button.disabled = true;
  progress('Recording the publication…');
  try {
    const { chiefConstableCommentsUrl, ...addresses } = values;
    const workflow = await state.api.publish(state.draftId, chiefConstableCommentsUrl ? values : addresses);
    state.onChange?.(workflow);
    render(workflow);
    say('The publication is recorded.');
    /** @type {HTMLElement} */ (byId('published-result')).focus();
  } catch (caught) {
    const error = /** @type {import('./api.js').ApiError} */ (caught);
    stopProgress();
    button.disabled = false;
    const fields = error.fields ?? {};
    const named = Object.keys(PublicationFields).filter((name) => fields[name]?.length)
      .map((name) => markField(name, fields[name].join(' ')));
    if (named.length > 0) {
      say('Not recorded: correct the address shown.');
      named[0].focus();
    } else {
      refuse('publication-error', error.message);
      /** @type {HTMLElement} */ (form.querySelector('input')).focus();
    }
  }
}

function publishedState(workflow) {
  const publication = workflow.publication;
  return [
    el('h3', {}, 'Published'),
    el('p', { id: 'published-result', class: 'finish-done', tabindex: '-1' },
      `The publication was recorded on ${formatSentAt(publication.at)}. Nothing more is needed for this response.`),
    el('ul', { class: 'published-links' },
      published('The PDF', publication.letterUrl, publication.pdfSha256),
      publication.webUrl ? published('The web version', publication.webUrl, publication.webSha256) : null,
      publication.chiefConstableCommentsUrl ? published('The force\'s own copy of its comments', publication.chiefConstableCommentsUrl, null) : null),
  ];
}

/** One published file: its address, and the fingerprint (SHA-256) of the file the product made, which is what was published. */
function published(what, url, sha256) {
  return el('li', {}, `${what}: `, el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, url),
    sha256 ? el('span', { class: 'hint', title: sha256 }, ` (SHA-256 ${sha256.slice(0, 16)}…)`) : null);
}
