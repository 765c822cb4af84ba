// Office.js stand-in: Word as the host, with exactly the calls the task pane makes. Every Word write is recorded
// in window.__wordCalls (with its payload) so a test can take the document the pane inserted and validate it.
// window.__wordDocument.tags lists the content control tags the "document" holds (null: every tag is there once).
(() => {
  const calls = [];
  const doc = { text: '', tags: null, customXml: [], settings: {} };
  window.__wordCalls = calls;
  window.__wordDocument = doc;
  const record = (call, details) => calls.push({ call, ...details });
  const collection = (items) => ({ items, load() { return this; } });
  const namespaceOf = (xml) => new DOMParser().parseFromString(xml, 'application/xml').documentElement.namespaceURI;

  const control = (tag) => ({
    tag,
    insertOoxml(ooxml, location) { record('contentControl.insertOoxml', { tag, ooxml, location }); },
    insertText(text, location) { record('contentControl.insertText', { tag, text, location }); },
    clear() { record('contentControl.clear', { tag }); },
    delete(keepContent) { record('contentControl.delete', { tag, keepContent }); },
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
  };

  window.Office = {
    HostType: { Word: 'Word' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    onReady: () => Promise.resolve({ host: 'Word', platform: 'OfficeOnline' }),
    context: {
      document: {
        settings: {
          get: (name) => doc.settings[name] ?? null,
          set: (name, value) => { record('settings.set', { name, value }); doc.settings[name] = value; },
          saveAsync: (callback) => { record('settings.saveAsync', {}); callback?.({ status: 'succeeded' }); },
        },
      },
    },
  };
})();
