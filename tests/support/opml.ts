/** Reading an OPML file in tests, with a strict XML parser (saxes: any well-formedness error throws). */
import { SaxesParser } from 'saxes';

/** An OPML document: its title and its outlines as a tree of attribute maps. */
export interface Opml {
  version: string;
  title: string;
  outlines: OpmlOutline[];
}

/** One `<outline>` with its attributes (entities decoded) and children. */
interface OpmlOutline {
  attributes: Record<string, string>;
  children: OpmlOutline[];
}

/** Parses OPML; throws on the first XML error. */
export function parseOpml(xml: string): Opml {
  const parser = new SaxesParser({ xmlns: false });
  const doc: Opml = { version: '', title: '', outlines: [] };
  const stack: OpmlOutline[] = [];
  let inTitle = false;
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => {
    const attributes = Object.fromEntries(Object.entries(tag.attributes).map(([k, v]) => [k, String(v)]));
    if (tag.name === 'opml') doc.version = attributes.version ?? '';
    if (tag.name === 'title') inTitle = true;
    if (tag.name !== 'outline') return;
    const outline: OpmlOutline = { attributes, children: [] };
    (stack.at(-1)?.children ?? doc.outlines).push(outline);
    stack.push(outline);
  });
  parser.on('text', (text) => {
    if (inTitle) doc.title += text;
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'title') inTitle = false;
    if (tag.name === 'outline') stack.pop();
  });
  parser.write(xml).close();
  return doc;
}
