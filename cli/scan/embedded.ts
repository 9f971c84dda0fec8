// Inline scripts of web pages and components (.html, .htm, .ejs, .vue, .svelte). Each block is
// handed to the linter as a text exactly as long as the whole file, with everything outside the
// block blanked and every line break kept: ESLint's lines and columns are then the file's own,
// with no position mapping to get wrong, and excerpts can be cut from the file itself.
//
// A small tag scanner is enough here, and a general HTML parser would not be: it must skip EJS
// tags wherever they appear in the markup, and know that in a Vue component only top-level
// <script> blocks are code.

export type MarkupKind = 'html' | 'ejs' | 'vue' | 'svelte';
export type ScriptLanguage = 'js' | 'ts' | 'tsx';

export interface ScriptBlock {
  /** Offset of the block's first character, just after its opening tag. */
  start: number;
  /** Offset of its closing tag (the end of the file when there is none). */
  end: number;
  language: ScriptLanguage;
}

export const MARKUP_FILE = /\.(html?|ejs|vue|svelte)$/;

export function markupKind(path: string): MarkupKind | undefined {
  const extension = MARKUP_FILE.exec(path)?.[1];
  if (extension === undefined) return undefined;
  return extension === 'htm' || extension === 'html' ? 'html' : (extension as MarkupKind);
}

// The types a browser runs (WHATWG HTML's JavaScript MIME type essences), modules, and the JSX
// types that in-browser Babel compiles. Anything else (JSON, import maps, templates) is data.
const SCRIPT_TYPE =
  /^(?:|module|(?:text|application)\/(?:x-)?(?:java|ecma)script|text\/javascript1\.[0-5]|text\/(?:jscript|livescript)|text\/babel|text\/jsx)$/;

// Elements whose content is text, not markup: a <script> written inside one never runs.
const RAW_TEXT: ReadonlySet<string> = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);

interface Tag {
  /** Lower-cased. */
  name: string;
  /** Lower-cased names; the first of repeated attributes wins, as in browsers. */
  attributes: Map<string, string>;
  /** Offset just after the closing '>'. */
  end: number;
  selfClosing: boolean;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f';

/** The EJS tag opening at `at`, or undefined for `<%%` (a literal `<%`). */
function ejsTag(text: string, at: number): { end: number; prints: boolean } | undefined {
  const marker = text[at + 2];
  if (marker === '%') return undefined;
  const close = text.indexOf('%>', at + 2);
  return { end: close === -1 ? text.length : close + 2, prints: marker === '=' || marker === '-' };
}

/** Past an attribute name or unquoted value; in EJS an embedded tag may hold spaces and '>'. */
function skipWord(text: string, i: number, ejs: boolean, stops: string): number {
  while (i < text.length) {
    if (ejs && text.startsWith('<%', i)) {
      i = ejsTag(text, i)?.end ?? i + 3;
      continue;
    }
    const c = text[i]!;
    if (isSpace(c) || c === '>' || stops.includes(c)) break;
    i++;
  }
  return i;
}

/** The quote ending a value; in EJS, `nonce="<%= n || "" %>"` holds quotes of its own. */
function closingQuote(text: string, from: number, quote: string, ejs: boolean): number {
  let i = from;
  while (i < text.length && text[i] !== quote) i = ejs && text.startsWith('<%', i) ? (ejsTag(text, i)?.end ?? i + 3) : i + 1;
  return i;
}

function skipSpaces(text: string, i: number): number {
  while (isSpace(text[i])) i++;
  return i;
}

/** The start or end tag at `at` (its '<'), or undefined when the '<' opens no tag. */
function readTag(text: string, at: number, ejs: boolean): Tag | undefined {
  const nameStart = text[at + 1] === '/' ? at + 2 : at + 1;
  if (!/[A-Za-z]/.test(text[nameStart] ?? '')) return undefined;
  let i = nameStart;
  while (i < text.length && !isSpace(text[i]) && text[i] !== '/' && text[i] !== '>') i++;
  const name = text.slice(nameStart, i).toLowerCase();
  const attributes = new Map<string, string>();
  while (i < text.length) {
    const c = text[i]!;
    if (c === '>') return { name, attributes, end: i + 1, selfClosing: text[i - 1] === '/' };
    if (isSpace(c) || c === '/') {
      i++;
      continue;
    }
    const attrStart = i;
    i = Math.max(skipWord(text, i, ejs, '/='), i + 1); // a leading '=' belongs to the name
    const attr = text.slice(attrStart, i).toLowerCase();
    let value = '';
    const equals = skipSpaces(text, i);
    if (text[equals] === '=') {
      const valueStart = skipSpaces(text, equals + 1);
      const quote = text[valueStart];
      if (quote === '"' || quote === "'") {
        const valueEnd = closingQuote(text, valueStart + 1, quote, ejs);
        value = text.slice(valueStart + 1, valueEnd);
        i = valueEnd + 1;
      } else {
        i = skipWord(text, valueStart, ejs, '');
        value = text.slice(valueStart, i);
      }
    }
    if (!attributes.has(attr)) attributes.set(attr, value);
  }
  return { name, attributes, end: text.length, selfClosing: false };
}

/** Where the content of a `name` element opened before `from` ends: its end tag, or the end of the file. */
function closingTag(text: string, from: number, name: string): number {
  for (let at = text.indexOf('</', from); at !== -1; at = text.indexOf('</', at + 2)) {
    const after = text[at + 2 + name.length];
    if (text.slice(at + 2, at + 2 + name.length).toLowerCase() === name && (after === undefined || after === '/' || after === '>' || isSpace(after))) {
      return at;
    }
  }
  return text.length;
}

/** Past an HTML comment whose '<!--' ends just before `from`; `<!-->` and `<!--->` are empty comments. */
function commentEnd(text: string, from: number): number {
  if (text.startsWith('>', from)) return from + 1;
  if (text.startsWith('->', from)) return from + 2;
  const close = text.indexOf('-->', from);
  return close === -1 ? text.length : close + 3;
}

/** How a script element's content is to be read, or undefined when it is not code that runs. */
function scriptLanguage(attributes: ReadonlyMap<string, string>, kind: MarkupKind): ScriptLanguage | undefined {
  // A browser runs the file a src attribute names, never the element's own content.
  if (attributes.has('src')) return undefined;
  const language = attributes.get('language');
  const rawType = attributes.get('type') ?? (language ? `text/${language}` : '');
  const type = rawType.split(';')[0]!.trim().toLowerCase();
  if (kind === 'vue' || kind === 'svelte') {
    // Components name their dialect with lang; in a page, lang is the human language of the text.
    const lang = (attributes.get('lang') ?? '').trim().toLowerCase();
    if (lang === 'ts' || lang === 'typescript' || type === 'text/typescript') return 'ts';
    if (lang === 'tsx') return 'tsx';
    if (lang !== '' && lang !== 'js' && lang !== 'javascript' && lang !== 'jsx') return undefined;
  }
  return SCRIPT_TYPE.test(type) ? 'js' : undefined;
}

/** The script blocks of a page or component that a browser or the framework would run, in file order. */
export function scriptBlocks(text: string, kind: MarkupKind): ScriptBlock[] {
  const blocks: ScriptBlock[] = [];
  const ejs = kind === 'ejs';
  // Vue keeps only top-level <script> blocks: inside <template> they are dropped, and every
  // other top-level block (<style>, <i18n>, <docs>...) is raw text that may quote a <script>.
  let templateDepth = 0;
  let i = 0;
  for (let lt = text.indexOf('<', i); lt !== -1; lt = text.indexOf('<', i)) {
    i = lt + 1;
    const next = text[lt + 1];
    if (ejs && next === '%') {
      i = ejsTag(text, lt)?.end ?? lt + 3;
    } else if (text.startsWith('<!--', lt)) {
      i = commentEnd(text, lt + 4);
    } else if (next === '!' || next === '?') {
      const close = text.indexOf('>', lt);
      i = close === -1 ? text.length : close + 1;
    } else if (next === '/') {
      const tag = readTag(text, lt, ejs);
      if (!tag) continue;
      i = tag.end;
      if (kind === 'vue' && tag.name === 'template' && templateDepth > 0) templateDepth--;
    } else {
      const tag = readTag(text, lt, ejs);
      if (!tag) continue;
      i = tag.end;
      // Only HTML ignores a '/' before '>': in components, <script setup /> has no content.
      if (tag.selfClosing && kind !== 'html' && kind !== 'ejs') continue;
      if (kind === 'vue' && tag.name === 'template') {
        templateDepth++;
        continue;
      }
      const raw = kind === 'vue' ? templateDepth === 0 || RAW_TEXT.has(tag.name) : RAW_TEXT.has(tag.name);
      if (!raw) continue;
      const end = closingTag(text, tag.end, tag.name);
      const close = text.indexOf('>', end);
      i = close === -1 ? text.length : close + 1;
      if (tag.name !== 'script' || (kind === 'vue' && templateDepth > 0)) continue;
      const language = scriptLanguage(tag.attributes, kind);
      if (language && /\S/.test(text.slice(tag.end, end))) blocks.push({ start: tag.end, end, language });
    }
  }
  return blocks;
}

// Line breaks as ECMAScript counts them, so the blanked text has the file's lines.
const blank = (text: string) => text.replace(/[^\n\r\u2028\u2029]/g, ' ');

/**
 * An EJS block with its tags made harmless: an output tag (`<%= %>`, `<%- %>`) becomes `_` and
 * spaces, an expression of unknown value; control tags and comments become spaces. An
 * identifier rather than a number, so that `setInterval(poll, <%= ms %>)` reads as an unknown
 * interval and not as 0 ms, and `obj.<%= key %>` or `let <%= name %>` still parse.
 */
export function neutraliseEjs(code: string): string {
  let out = '';
  let i = 0;
  for (let at = code.indexOf('<%'); at !== -1; at = code.indexOf('<%', i)) {
    const tag = ejsTag(code, at);
    if (!tag) {
      out += code.slice(i, at + 3);
      i = at + 3;
      continue;
    }
    const blanked = blank(code.slice(at, tag.end));
    out += code.slice(i, at) + (tag.prints ? `_${blanked.slice(1)}` : blanked);
    i = tag.end;
  }
  return out + code.slice(i);
}

/** The text to lint for one block: as long as the file, the block in place, everything else blank. */
export function blockSource(text: string, block: ScriptBlock, kind: MarkupKind): string {
  const code = text.slice(block.start, block.end);
  // ESLint drops a leading byte-order mark before counting columns: keep it, as in a .js file.
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  return bom + blank(text.slice(bom.length, block.start)) + (kind === 'ejs' ? neutraliseEjs(code) : code) + blank(text.slice(block.end));
}
