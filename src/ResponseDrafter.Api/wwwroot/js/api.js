// Calls the ResponseDrafter API with the signed-in user's bearer token; failures become ApiError in plain words.

export class ApiError extends Error {
  /**
   * @param {string} message what happened and what to do next
   * @param {{ status?: number, details?: string[], fields?: Record<string, string[]>, problem?: Record<string, any> }} [facts]
   *   `details` has one line per field; `problem` is the server's ProblemDetails (with extensions such as `gaps`)
   */
  constructor(message, { status = 0, details = [], fields = {}, problem = {} } = {}) {
    super(message);
    this.status = status;
    this.details = details;
    this.fields = fields;
    this.problem = problem;
  }
}

const FieldNames = {
  text: 'Assurance text',
  suppliedBy: 'Supplied by',
  summary: 'Summary',
  presentation: 'How the assurance is shown',
  commentary: 'Commentary',
  reason: 'Reason',
  status: 'Status',
  file: 'File',
  refs: 'Recommendations',
  mapping: 'Chosen sections',
  reportId: 'Report',
  comment: 'Comment',
  decision: 'Decision',
  document: 'Document',
};

// The framework's stock titles say nothing a user can act on; they are never shown.
const StockTitles = new Set([
  'One or more validation errors occurred.', 'Bad Request', 'Unauthorized', 'Forbidden', 'Not Found', 'Conflict',
  'Precondition Failed', 'Unsupported Media Type', 'Payload Too Large', 'Content Too Large', 'Unprocessable Entity',
  'An error occurred while processing your request.', 'Internal Server Error',
]);

/** The server's own title or detail when it says something in plain words; null for the framework's stock titles. */
function said(text) {
  return typeof text === 'string' && text.trim() !== '' && !StockTitles.has(text.trim()) ? text.trim() : null;
}

function fieldName(field) {
  const root = field.replace(/\[\d+\].*$/, '').split('.')[0];
  return FieldNames[root] ?? field;
}

/** Turns a failed response (ProblemDetails or not) into a message saying what happened and what to do next. */
export async function errorFrom(response) {
  let problem = {};
  if ((response.headers.get('Content-Type') ?? '').includes('json')) {
    try {
      problem = await response.json();
    } catch {
      problem = {};
    }
  }

  const fields = problem.errors ?? {};
  const details = Object.entries(fields).flatMap(([field, reasons]) => reasons.map((reason) => `${fieldName(field)}: ${reason}`));
  const status = response.status;
  const says = (text) => new ApiError(text, { status, details, fields, problem });
  // A refused upload's own message says what is wrong with the file and what to do.
  if (problem.code && problem.detail) return says(problem.detail);
  const title = said(problem.title);
  const detail = said(problem.detail);
  switch (status) {
    case 400:
    case 422:
      return says(`${title ?? 'This cannot be saved as it is.'} Correct what is named below and save again; your text is kept.`);
    case 401:
      return says('Your sign-in has expired. Sign in again, then repeat what you were doing; your text is kept.');
    case 403:
      return says(detail ?? 'Your account is not allowed to do this. Ask an administrator to give you the Drafter role.');
    case 404:
      return says('This no longer exists: someone may have deleted it. Go back to the list of reports and choose again.');
    case 409:
      return says(`${title ?? 'This cannot be done yet'}${detail ? `: ${detail}` : '.'}`);
    case 412:
      return says('Someone else saved a newer version of this draft. Your text is kept here: reload the draft, then save again.');
    case 413:
      return says('That is too large to save. Shorten the text or attach a smaller file.');
    case 415:
      return says(detail ?? 'That kind of file cannot be attached. Use a plain text (.txt) or Markdown (.md) file, or paste the text.');
    default:
      return status >= 500
        ? says('The ResponseDrafter server had a problem. Wait a minute and try again; your text is kept.')
        : says(`The request failed (${status}). Try again; your text is kept.`);
  }
}

const DocxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** @param {() => Promise<string>} token gives a current access token */
export function createApi(token) {
  /**
   * @param {string} method
   * @param {string} path
   * @param {{ json?: unknown, form?: FormData, docx?: Blob | Uint8Array, etag?: string, accept?: string }} [options]
   */
  async function send(method, path, { json, form, docx, etag, accept = 'application/json' } = {}) {
    const headers = { Accept: accept, Authorization: `Bearer ${await token()}` };
    let body;
    if (json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(json);
    } else if (form !== undefined) {
      body = form;
    } else if (docx !== undefined) {
      headers['Content-Type'] = DocxType;
      body = docx;
    }
    if (etag) headers['If-Match'] = etag;

    let response;
    try {
      response = await fetch(path, { method, headers, body });
    } catch {
      throw new ApiError('The ResponseDrafter server could not be reached. Check your connection and try again; your text is kept.');
    }
    if (!response.ok) throw await errorFrom(response);
    return response;
  }

  const read = async (response) => ({ data: response.status === 204 ? null : await response.json(), etag: response.headers.get('ETag') });

  return {
    me: async () => (await read(await send('GET', 'api/me'))).data,
    reports: async () => (await read(await send('GET', 'api/reports'))).data,
    report: async (id) => (await read(await send('GET', `api/reports/${encodeURIComponent(id)}`))).data,
    drafts: async () => (await read(await send('GET', 'api/drafts'))).data,
    draft: async (id) => read(await send('GET', `api/drafts/${encodeURIComponent(id)}`)),
    startDraft: async (reportId) => read(await send('POST', 'api/drafts', { json: { reportId } })),
    /** The letter-level fields (recipients, references, salutation…), replaced as a whole. */
    putLetter: async (id, letter, etag) => read(await send('PUT', `api/drafts/${encodeURIComponent(id)}`, { json: letter, etag })),
    putSelection: async (id, refs, etag) => read(await send('PUT', `api/drafts/${encodeURIComponent(id)}/selection`, { json: { refs }, etag })),
    putResponse: async (id, ref, response, etag) =>
      read(await send('PUT', `api/drafts/${encodeURIComponent(id)}/responses/${encodeURIComponent(ref)}`, { json: response, etag })),
    putAssurance: async (id, ref, assurance, etag) =>
      read(await send('PUT', `api/drafts/${encodeURIComponent(id)}/responses/${encodeURIComponent(ref)}/assurance`, { json: assurance, etag })),
    uploadAssurance: async (id, ref, form, etag) =>
      read(await send('PUT', `api/drafts/${encodeURIComponent(id)}/responses/${encodeURIComponent(ref)}/assurance`, { form, etag })),
    status: async (id) => (await read(await send('GET', `api/drafts/${encodeURIComponent(id)}/status`))).data,
    previewRecommendationText: async (text) => (await read(await send('POST', 'api/imports/recommendations/preview', { json: { text } }))).data,
    previewRecommendationFile: async (form) => (await read(await send('POST', 'api/imports/recommendations/preview', { form }))).data,
    createReport: async (report) => read(await send('POST', 'api/reports', { json: report })),
    /** A report with its ETag, to change and send back with updateReport. */
    reportToChange: async (id) => read(await send('GET', `api/reports/${encodeURIComponent(id)}`)),
    updateReport: async (id, report, etag) => read(await send('PUT', `api/reports/${encodeURIComponent(id)}`, { json: report, etag })),
    previewAssuranceImport: async (id, form) =>
      (await read(await send('POST', `api/drafts/${encodeURIComponent(id)}/assurance-import/preview`, { form }))).data,
    importAssurance: async (id, form, etag) => read(await send('POST', `api/drafts/${encodeURIComponent(id)}/assurance-import`, { form, etag })),
    /** The open document's exact bytes become the draft; the server reads its regions back. */
    saveDocument: async (id, bytes, etag) => read(await send('PUT', `api/drafts/${encodeURIComponent(id)}/document`, { docx: bytes, etag })),
    /** The server brings its copy in line with the record; the answer's document.changed names the regions it patched. */
    assemble: async (id, etag) => read(await send('POST', `api/drafts/${encodeURIComponent(id)}/document/assemble`, { etag })),
    /** An approver's own edits, as the next version. */
    submitEdits: async (id, bytes) => (await read(await send('POST', `api/drafts/${encodeURIComponent(id)}/versions`, { docx: bytes }))).data,
    /** What Word's Accessibility Checker would find in the document as last saved: { sha256, passes, findings }. */
    accessibility: async (id) => (await read(await send('GET', `api/drafts/${encodeURIComponent(id)}/document/accessibility`))).data,
    submit: async (id, etag) => read(await send('POST', `api/drafts/${encodeURIComponent(id)}/submit`, { etag })),
    workflow: async (id) => (await read(await send('GET', `api/drafts/${encodeURIComponent(id)}/workflow`))).data,
    review: async (id) => (await read(await send('GET', `api/drafts/${encodeURIComponent(id)}/review`))).data,
    decide: async (id, form) => (await read(await send('POST', `api/drafts/${encodeURIComponent(id)}/decisions`, { form }))).data,
    document: async (id) => {
      const response = await send('GET', `api/drafts/${encodeURIComponent(id)}/document`, { accept: DocxType });
      return { bytes: new Uint8Array(await response.arrayBuffer()), etag: response.headers.get('ETag') };
    },
    versionDocument: async (id, number) => {
      const response = await send('GET', `api/drafts/${encodeURIComponent(id)}/versions/${encodeURIComponent(number)}/document`, { accept: DocxType });
      return { bytes: new Uint8Array(await response.arrayBuffer()) };
    },
    /** The document open in Word against the version awaiting a decision: its edits, and what submitting them would do. */
    compareOpenDocument: async (id, bytes) =>
      (await read(await send('POST', `api/drafts/${encodeURIComponent(id)}/review/document`, { docx: bytes }))).data,
    ...finishing(send, read),
  };
}

/** After final approval: the dispatch settings, the signed letter, dispatch and publication. */
function finishing(send, read) {
  const file = async (path, accept) => {
    const response = await send('GET', path, { accept });
    const name = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? null;
    return { bytes: new Uint8Array(await response.arrayBuffer()), name };
  };
  return {
    /** The approval chain and the dispatch addresses (Home Office, HM Chief Inspector, cc). */
    signOffSettings: async () => (await read(await send('GET', 'api/profile/sign-off'))).data,
    dispatch: async (id) => (await read(await send('POST', `api/drafts/${encodeURIComponent(id)}/dispatch`))).data,
    /** @param {{ letterUrl: string, webUrl: string, chiefConstableCommentsUrl?: string }} publication */
    publish: async (id, publication) => (await read(await send('POST', `api/drafts/${encodeURIComponent(id)}/publication`, { json: publication }))).data,
    finalPdf: async (id) => file(`api/drafts/${encodeURIComponent(id)}/final/pdf`, 'application/pdf'),
    /** The web version, one HTML page for the OPCC's website (served as a download). */
    finalWeb: async (id) => file(`api/drafts/${encodeURIComponent(id)}/final/web`, 'text/html'),
    finalDocument: async (id) => file(`api/drafts/${encodeURIComponent(id)}/final/document`, DocxType),
  };
}
