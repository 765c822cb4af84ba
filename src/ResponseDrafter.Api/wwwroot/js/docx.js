// Reads a rendered letter (.docx) in the browser: its top-level tagged regions as Office Open XML packages that
// Word can insert into the matching content controls, the draft identity part, and the DRAFT marking.

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PackageRelationships = 'http://schemas.openxmlformats.org/package/2006/relationships';
const RelationshipsType = 'application/vnd.openxmlformats-package.relationships+xml';
const IdentityNamespace = 'urn:responsedrafter:draft:v1';
const MarkingTag = 'draft';
const AlwaysCarried = ['/styles', '/numbering', '/theme', '/fontTable'];

/** The entries of a zip archive as name → bytes (stored or deflated entries, as Word writes them). */
async function unzip(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error('The server sent something that is not a Word document.');

  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    const method = view.getUint16(offset + 10, true);
    const size = view.getUint32(offset + 20, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const local = view.getUint32(offset + 42, true);
    const name = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + size);
    entries.set(`/${name}`, method === 0 ? data : inflate(data));
    offset += 46 + nameLength + extraLength + commentLength;
  }

  for (const [name, data] of entries) entries.set(name, await data);
  return entries;
}

async function inflate(data) {
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const text = (bytes) => new TextDecoder().decode(bytes);
const parse = (xml) => new DOMParser().parseFromString(xml, 'application/xml');
const serialize = (node) => new XMLSerializer().serializeToString(node);
const withoutDeclaration = (xml) => xml.replace(/^\s*<\?xml[^>]*\?>\s*/, '');

function base64(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function relationshipsOf(entries, partName) {
  const slash = partName.lastIndexOf('/');
  const relsName = `${partName.slice(0, slash)}/_rels/${partName.slice(slash + 1)}.rels`;
  if (!entries.has(relsName)) return [];
  return [...parse(text(entries.get(relsName))).getElementsByTagNameNS(PackageRelationships, 'Relationship')].map((r) => ({
    element: r,
    id: r.getAttribute('Id'),
    type: r.getAttribute('Type'),
    external: r.getAttribute('TargetMode') === 'External',
    part: new URL(r.getAttribute('Target'), `http://package${partName}`).pathname,
  }));
}

function contentTypes(entries) {
  const types = parse(text(entries.get('/[Content_Types].xml'))).documentElement;
  const overrides = new Map([...types.getElementsByTagName('Override')].map((o) => [o.getAttribute('PartName').toLowerCase(), o.getAttribute('ContentType')]));
  const defaults = new Map([...types.getElementsByTagName('Default')].map((d) => [d.getAttribute('Extension').toLowerCase(), d.getAttribute('ContentType')]));
  return (name) => overrides.get(name.toLowerCase()) ?? defaults.get(name.split('.').pop().toLowerCase()) ?? 'application/octet-stream';
}

function tagOf(sdt) {
  const properties = [...sdt.childNodes].find((n) => n.localName === 'sdtPr');
  const tag = properties && [...properties.childNodes].find((n) => n.localName === 'tag');
  return tag?.getAttributeNS(W, 'val') ?? null;
}

function contentOf(sdt) {
  const content = [...sdt.childNodes].find((n) => n.localName === 'sdtContent');
  return content ? [...content.childNodes].filter((n) => n.nodeType === Node.ELEMENT_NODE) : [];
}

/** Tagged controls not inside another control: the regions a re-run replaces. */
function topLevelControls(root) {
  return [...root.getElementsByTagNameNS(W, 'sdt')].filter((sdt) => {
    for (let parent = sdt.parentNode; parent; parent = parent.parentNode) {
      if (parent.localName === 'sdt' && parent.namespaceURI === W) return false;
    }
    return tagOf(sdt) !== null;
  });
}

/** A Flat OPC package holding `blocks` as the body, with the parts they refer to (styles, lists, footnotes, pictures, links). */
function flatPackage(entries, typeOf, documentRoot, blocks) {
  const root = documentRoot.cloneNode(false);
  const body = documentRoot.ownerDocument.createElementNS(W, 'w:body');
  for (const block of blocks) body.append(block.cloneNode(true));
  root.append(body);
  const documentXml = serialize(root);

  const used = new Set([...body.getElementsByTagName('*')].flatMap((e) => [...e.attributes].filter((a) => a.namespaceURI === R).map((a) => a.value)));
  const needsFootnotes = body.getElementsByTagNameNS(W, 'footnoteReference').length > 0;
  const needsEndnotes = body.getElementsByTagNameNS(W, 'endnoteReference').length > 0;
  const relationships = relationshipsOf(entries, '/word/document.xml').filter((r) =>
    used.has(r.id)
    || AlwaysCarried.some((kind) => r.type.endsWith(kind))
    || (needsFootnotes && r.type.endsWith('/footnotes'))
    || (needsEndnotes && r.type.endsWith('/endnotes')));

  const parts = [
    xmlPart('/_rels/.rels', RelationshipsType,
      `<Relationships xmlns="${PackageRelationships}"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`),
    xmlPart('/word/document.xml', typeOf('/word/document.xml'), documentXml),
    xmlPart('/word/_rels/document.xml.rels', RelationshipsType,
      `<Relationships xmlns="${PackageRelationships}">${relationships.map((r) => serialize(r.element)).join('')}</Relationships>`),
  ];
  const carried = new Set();
  const carry = (name) => {
    if (carried.has(name) || !entries.has(name)) return;
    carried.add(name);
    const type = typeOf(name);
    parts.push(type.endsWith('xml') ? xmlPart(name, type, withoutDeclaration(text(entries.get(name)))) : binaryPart(name, type, entries.get(name)));
    for (const nested of relationshipsOf(entries, name).filter((r) => !r.external)) carry(nested.part);
    const slash = name.lastIndexOf('/');
    const relsName = `${name.slice(0, slash)}/_rels/${name.slice(slash + 1)}.rels`;
    if (entries.has(relsName) && !carried.has(relsName)) {
      carried.add(relsName);
      parts.push(xmlPart(relsName, RelationshipsType, withoutDeclaration(text(entries.get(relsName)))));
    }
  };
  for (const relationship of relationships.filter((r) => !r.external)) carry(relationship.part);

  return '<?xml version="1.0" standalone="yes"?><?mso-application progid="Word.Document"?>'
    + `<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">${parts.join('')}</pkg:package>`;
}

function xmlPart(name, type, xml) {
  return `<pkg:part pkg:name="${name}" pkg:contentType="${type}"><pkg:xmlData>${withoutDeclaration(xml)}</pkg:xmlData></pkg:part>`;
}

function binaryPart(name, type, bytes) {
  return `<pkg:part pkg:name="${name}" pkg:contentType="${type}" pkg:compression="store"><pkg:binaryData>${base64(bytes)}</pkg:binaryData></pkg:part>`;
}

/** A control inside a paragraph holds runs: Word takes them as one paragraph, inserted inline. */
function asBlocks(documentRoot, sdt) {
  const nodes = contentOf(sdt);
  let parent = sdt.parentNode;
  while (parent && parent.localName !== 'p' && parent.localName !== 'body' && parent.localName !== 'tc') parent = parent.parentNode;
  if (parent?.localName !== 'p') return nodes;
  const paragraph = documentRoot.ownerDocument.createElementNS(W, 'w:p');
  for (const node of nodes) paragraph.append(node.cloneNode(true));
  return [paragraph];
}

/**
 * { base64, regions: [{ tag, ooxml }], identityXml, marking: { text, ooxml } | null } for the rendered letter.
 */
export async function readLetter(bytes) {
  const entries = await unzip(bytes);
  const typeOf = contentTypes(entries);
  const documentRoot = parse(text(entries.get('/word/document.xml'))).documentElement;
  const body = documentRoot.getElementsByTagNameNS(W, 'body')[0];

  const regions = topLevelControls(body).map((sdt) => ({
    tag: tagOf(sdt),
    ooxml: flatPackage(entries, typeOf, documentRoot, asBlocks(documentRoot, sdt)),
  }));

  const mainRelationships = relationshipsOf(entries, '/word/document.xml');
  const identityXml = mainRelationships
    .filter((r) => r.type.endsWith('/customXml') && entries.has(r.part))
    .map((r) => withoutDeclaration(text(entries.get(r.part))))
    .find((xml) => parse(xml).documentElement.namespaceURI === IdentityNamespace) ?? null;

  let marking = null;
  for (const header of mainRelationships.filter((r) => r.type.endsWith('/header') && entries.has(r.part))) {
    const sdt = topLevelControls(parse(text(entries.get(header.part))).documentElement).find((s) => tagOf(s) === MarkingTag);
    if (sdt) {
      marking = {
        text: [...sdt.getElementsByTagNameNS(W, 't')].map((t) => t.textContent).join(''),
        ooxml: flatPackage(entries, typeOf, documentRoot, [sdt]),
      };
      break;
    }
  }

  return { base64: base64(bytes), regions, identityXml, marking };
}

/** { draftId, version, reportTitle } from the identity part's XML, or null. */
export function readIdentity(xml) {
  if (!xml) return null;
  const root = parse(xml).documentElement;
  if (root.namespaceURI !== IdentityNamespace) return null;
  const value = (name) => root.getElementsByTagNameNS(IdentityNamespace, name)[0]?.textContent ?? '';
  return { draftId: value('draftId'), version: value('version'), reportTitle: value('reportTitle') };
}

export { IdentityNamespace };
