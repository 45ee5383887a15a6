// XML in and out for WebDAV/CalDAV. Clients choose their own namespace prefixes, so requests are
// parsed namespace-aware (saxes) into a small tree keyed by {namespace, local name}; responses are
// built with xmlbuilder2 under fixed prefixes. No string matching of XML anywhere.
import { SaxesParser } from "saxes";
import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces";
import { DavError } from "./errors.ts";

export const NS = {
  DAV: "DAV:",
  CALDAV: "urn:ietf:params:xml:ns:caldav",
  CS: "http://calendarserver.org/ns/",
  APPLE: "http://apple.com/ns/ical/",
} as const;

const PREFIX: Record<string, string> = { [NS.DAV]: "d", [NS.CALDAV]: "c", [NS.CS]: "cs", [NS.APPLE]: "x1" };

export interface XmlElement {
  ns: string;
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** A property or element name in Clark notation: `{DAV:}displayname`. */
export type Clark = string;
export const clark = (ns: string, name: string): Clark => `{${ns}}${name}`;
export const clarkOf = (el: { ns: string; name: string }): Clark => clark(el.ns, el.name);

/** Parses a request body; an empty body is null, malformed XML a 400. */
export function parseXml(text: string): XmlElement | null {
  if (text.trim() === "") return null;
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let failure: Error | null = null;
  parser.on("error", (e) => {
    failure ??= e;
  });
  parser.on("opentag", (tag) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      if (typeof a === "object" && a.prefix !== "xmlns" && a.name !== "xmlns") attrs[a.local] = a.value;
    }
    const el: XmlElement = { ns: tag.uri ?? "", name: tag.local ?? tag.name, attrs, children: [], text: "" };
    if (stack.length) stack[stack.length - 1]!.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on("text", (t) => {
    if (stack.length) stack[stack.length - 1]!.text += t;
  });
  parser.on("cdata", (t) => {
    if (stack.length) stack[stack.length - 1]!.text += t;
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  try {
    parser.write(text).close();
  } catch (e) {
    failure ??= e as Error;
  }
  if (failure || !root) throw new DavError(400, "the request body is not well-formed XML");
  return root;
}

export function child(el: XmlElement | null | undefined, ns: string, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.ns === ns && c.name === name);
}

export function children(el: XmlElement | null | undefined, ns: string, name: string): XmlElement[] {
  return el?.children.filter((c) => c.ns === ns && c.name === name) ?? [];
}

/** A value to render inside a property: text, nested elements, or a function that builds them. */
export type XmlValue = string | number | null | XmlNode[] | ((parent: XMLBuilder) => void);
export interface XmlNode {
  ns: string;
  name: string;
  attrs?: Record<string, string>;
  value?: XmlValue;
}

export const el = (ns: string, name: string, value?: XmlValue, attrs?: Record<string, string>): XmlNode => ({
  ns,
  name,
  value: value ?? null,
  ...(attrs ? { attrs } : {}),
});

function qualified(ns: string, name: string): { prefix: string | null; qname: string } {
  const prefix = PREFIX[ns];
  return prefix ? { prefix, qname: `${prefix}:${name}` } : { prefix: null, qname: name };
}

export function appendNode(parent: XMLBuilder, node: XmlNode): void {
  const { prefix, qname } = qualified(node.ns, node.name);
  // Unknown namespaces (a client's own dead properties) get a default-namespace declaration.
  const element = prefix ? parent.ele(node.ns, qname) : parent.ele(node.ns, qname, { xmlns: node.ns });
  for (const [k, v] of Object.entries(node.attrs ?? {})) element.att(k, v);
  appendValue(element, node.value ?? null);
}

function appendValue(element: XMLBuilder, value: XmlValue): void {
  if (value === null) return;
  if (typeof value === "function") value(element);
  else if (Array.isArray(value)) for (const n of value) appendNode(element, n);
  else element.txt(String(value));
}

/** A complete document with the usual prefixes declared on its root element. */
export function xmlDocument(root: XmlNode): string {
  const doc = create({ version: "1.0", encoding: "utf-8" });
  const { qname } = qualified(root.ns, root.name);
  const top = doc.ele(root.ns, qname, {
    "xmlns:d": NS.DAV,
    "xmlns:c": NS.CALDAV,
    "xmlns:cs": NS.CS,
    "xmlns:x1": NS.APPLE,
  });
  for (const [k, v] of Object.entries(root.attrs ?? {})) top.att(k, v);
  appendValue(top, root.value ?? null);
  return doc.end({ prettyPrint: false });
}
