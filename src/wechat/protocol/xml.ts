// XML as WeChat writes it: one <xml> root, strings in CDATA, numbers bare, lists as repeated
// children. Parsing keeps every leaf a string: WeChat's ids (e.g. a 64-bit MsgId) do not fit a JS
// number, so typed readers convert only the fields that are safe integers.
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { CallbackCryptoError } from './errors.ts';

export type XmlNode = string | XmlObject | XmlNode[];
export interface XmlObject {
  [name: string]: XmlNode;
}

/** Text WeChat writes without CDATA (e.g. member versions, `<Item>` ids); escaped as needed. */
export class BareText {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}
export const bare = (text: string) => new BareText(text);

/** What `buildXml` accepts: strings become CDATA, numbers and `bare()` stay bare, undefined is left out. */
export type XmlField = string | number | BareText | undefined | XmlField[] | XmlFields;
export interface XmlFields {
  [name: string]: XmlField;
}

const CDATA = '__cdata';
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => name === 'Item',
});
const builder = new XMLBuilder({ cdataPropName: CDATA, format: false, suppressEmptyNode: false });

/** Parses a WeChat XML document and returns the children of its `<xml>` root. */
export function parseXml(xml: string): XmlObject {
  // WeChat never sends a DTD; refusing one shuts out entity-expansion tricks.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new CallbackCryptoError('xml_parse', 'XML with a DTD is not accepted');
  if (XMLValidator.validate(xml) !== true) throw new CallbackCryptoError('xml_parse', 'malformed XML');
  let doc: unknown;
  try {
    doc = parser.parse(xml);
  } catch (cause) {
    throw new CallbackCryptoError('xml_parse', 'malformed XML', { cause });
  }
  const root = (doc as Record<string, unknown>).xml;
  if (root === '') return {};
  if (!root || typeof root !== 'object' || Array.isArray(root)) {
    throw new CallbackCryptoError('xml_parse', 'XML has no <xml> root element');
  }
  return root as XmlObject;
}

function toBuilderNode(value: XmlField): unknown {
  if (typeof value === 'string') return { [CDATA]: value };
  if (typeof value === 'number') return String(value);
  if (value instanceof BareText) return value.text;
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(toBuilderNode);
  if (value === undefined) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toBuilderNode(v);
  return out;
}

/** Builds `<xml>…</xml>` with children in the insertion order of `fields`. */
export function buildXml(fields: XmlFields): string {
  try {
    return builder.build({ xml: toBuilderNode(fields) }) as string;
  } catch (cause) {
    throw new CallbackCryptoError('build_xml', 'could not build XML', { cause });
  }
}

/** A child's text, or undefined when absent or not a leaf. */
export function xmlText(obj: XmlObject, name: string): string | undefined {
  const v = obj[name];
  return typeof v === 'string' ? v : undefined;
}

/** A child's text that must be present. */
export function requireXmlText(obj: XmlObject, name: string): string {
  const v = xmlText(obj, name);
  if (v === undefined) throw new CallbackCryptoError('xml_parse', `XML element <${name}> is missing`);
  return v;
}

/** A child holding a safe integer (CreateTime, JoinScene…), or undefined when absent or empty. */
export function xmlInt(obj: XmlObject, name: string): number | undefined {
  const v = xmlText(obj, name);
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new CallbackCryptoError('xml_parse', `XML element <${name}> is not an integer`);
  return n;
}
