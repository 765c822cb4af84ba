// Office.js stand-in: Word as the host, with exactly the calls the task pane makes. Every Word write is recorded
// in window.__wordCalls (with its payload) so a test can take the document the pane inserted and validate it.
// window.__wordDocument.tags lists the content control tags the "document" holds (null: every tag is there once);
// window.__wordDocument.file is the open document's .docx as base64, which getFileAsync hands over in slices
// (sliceSize: null honours the size the pane asks for).
// window.__officeRequirements lists the requirement sets Word supports, by version (delete NestedAppAuth to play a Word
// without nested app authentication); window.__officeDialog drives the dialog displayDialogAsync opened last.
// Paragraph events (WordApi 1.6): window.__wordEvents.handlers counts the handlers the pane added, by event, and
// window.__wordEvents.raise('ParagraphChanged') plays Word raising one (set __officeRequirements.WordApi to '1.6' first).
(() => {
  const calls = [];
  const doc = { text: '', tags: null, customXml: [], settings: {}, file: null, sliceSize: null };
  window.__wordCalls = calls;
  window.__wordDocument = doc;
  const record = (call, details) => calls.push({ call, ...details });
  const collection = (items) => ({ items, load() { return this; } });
  const namespaceOf = (xml) => new DOMParser().parseFromString(xml, 'application/xml').documentElement.namespaceURI;

  /** Office.File over the document's bytes: slices of the size asked for, as arrays of numbers like Word's. */
  const openFile = (bytes, sliceSize) => ({
    size: bytes.length,
    sliceCount: Math.ceil(bytes.length / sliceSize),
    getSliceAsync(index, callback) {
      record('file.getSliceAsync', { index });
      const data = Array.from(bytes.subarray(index * sliceSize, (index + 1) * sliceSize));
      setTimeout(() => callback({ status: 'succeeded', value: { index, size: data.length, data } }));
    },
    closeAsync(callback) {
      record('file.closeAsync', {});
      callback?.({ status: 'succeeded' });
    },
  });

  const getFileAsync = (fileType, options, callback) => {
    record('document.getFileAsync', { fileType, sliceSize: options?.sliceSize ?? null });
    if (doc.file === null) {
      setTimeout(() => callback({ status: 'failed', error: { message: 'No document is open in the stand-in.' } }));
      return;
    }
    const bytes = Uint8Array.from(atob(doc.file), (c) => c.charCodeAt(0));
    const sliceSize = doc.sliceSize ?? options?.sliceSize ?? 4 * 1024 * 1024;
    setTimeout(() => callback({ status: 'succeeded', value: openFile(bytes, sliceSize) }));
  };

  const control = (tag, within = null) => ({
    tag,
    insertOoxml(ooxml, location) { record('contentControl.insertOoxml', { tag, ooxml, location }); },
    insertText(text, location) { record('contentControl.insertText', { tag, text, location }); },
    clear() { record('contentControl.clear', { tag }); },
    delete(keepContent) { record('contentControl.delete', { tag, keepContent }); },
    select(selectionMode) { record('contentControl.select', { tag, within, selectionMode: selectionMode ?? 'Select' }); },
    // Controls inside this one: an item region ("response:2") holds its response.commentary and the rest.
    contentControls: { getByTag: (inner) => collection(doc.tags === null || doc.tags.includes(tag) ? [control(inner, tag)] : []) },
  });

  const handlers = { ParagraphChanged: [], ParagraphAdded: [], ParagraphDeleted: [] };
  window.__wordEvents = {
    handlers,
    raise: async (type) => {
      record('event.raise', { type });
      await Promise.all(handlers[type].map((handler) => handler({ type, source: 'Local', uniqueLocalIds: ['stand-in-paragraph'] })));
    },
  };
  const paragraphEvent = (type) => ({
    add(handler) {
      record('event.add', { type });
      handlers[type].push(handler);
      return { remove() { handlers[type].splice(handlers[type].indexOf(handler), 1); } };
    },
  });

  const customXmlPart = (part) => ({
    getXml() { return { value: part.xml }; },
    setXml(xml) { record('customXmlPart.setXml', { xml }); part.xml = xml; },
    delete() { record('customXmlPart.delete', {}); doc.customXml.splice(doc.customXml.indexOf(part), 1); },
  });

  const context = {
    document: {
      body: {
        get text() { return doc.text; },
        load() { return this; },
        insertFileFromBase64(base64, location) {
          record('body.insertFileFromBase64', { base64, location });
          doc.text = 'The letter';
          doc.file = base64;
        },
        insertOoxml(ooxml, location) { record('body.insertOoxml', { ooxml, location }); },
        clear() { record('body.clear', {}); },
      },
      contentControls: {
        getByTag(tag) {
          const count = doc.tags === null ? 1 : doc.tags.filter((t) => t === tag).length;
          return collection(Array.from({ length: count }, () => control(tag)));
        },
      },
      customXmlParts: {
        getByNamespace(namespace) {
          return collection(doc.customXml.filter((p) => p.namespace === namespace).map(customXmlPart));
        },
        add(xml) {
          record('customXmlParts.add', { xml });
          doc.customXml.push({ namespace: namespaceOf(xml), xml });
        },
      },
      onParagraphChanged: paragraphEvent('ParagraphChanged'),
      onParagraphAdded: paragraphEvent('ParagraphAdded'),
      onParagraphDeleted: paragraphEvent('ParagraphDeleted'),
      sections: {
        getFirst: () => ({
          getHeader: (type) => ({ insertOoxml(ooxml, location) { record('header.insertOoxml', { type, ooxml, location }); } }),
        }),
      },
    },
    sync: () => Promise.resolve(),
  };

  window.Word = {
    run: async (batch) => batch(context),
    InsertLocation: { replace: 'Replace', start: 'Start', end: 'End', before: 'Before', after: 'After' },
    HeaderFooterType: { primary: 'Primary' },
    SelectionMode: { select: 'Select', start: 'Start', end: 'End' },
  };

  const requirements = { NestedAppAuth: '1.1', WordApi: '1.5' };
  window.__officeRequirements = requirements;
  const isSetSupported = (name, version) => {
    record('requirements.isSetSupported', { name, version });
    const supported = window.__officeRequirements[name];
    return supported !== undefined && parseFloat(supported) >= parseFloat(version ?? '1.1');
  };

  const displayDialogAsync = (url, options, callback) => {
    record('ui.displayDialogAsync', { url, options });
    const handlers = {};
    const dialog = {
      addEventHandler(type, handler) { handlers[type] = handler; },
      close() { record('dialog.close', {}); },
    };
    setTimeout(() => {
      callback({ status: 'succeeded', value: dialog });
      // Only once the add-in has its handlers can the "person" in the dialog answer.
      window.__officeDialog = {
        send: (message) => handlers.dialogMessageReceived?.({ message, origin: location.origin }),
        closeByUser: () => handlers.dialogEventReceived?.({ error: 12006 }),
      };
    });
  };

  window.Office = {
    HostType: { Word: 'Word' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    FileType: { Compressed: 'compressed', Pdf: 'pdf', Text: 'text' },
    onReady: () => Promise.resolve({ host: 'Word', platform: 'OfficeOnline' }),
    context: {
      requirements: { isSetSupported },
      ui: { displayDialogAsync },
      document: {
        getFileAsync,
        settings: {
          get: (name) => doc.settings[name] ?? null,
          set: (name, value) => { record('settings.set', { name, value }); doc.settings[name] = value; },
          saveAsync: (callback) => { record('settings.saveAsync', {}); callback?.({ status: 'succeeded' }); },
        },
      },
    },
  };
})();
