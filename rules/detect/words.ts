// ASCII identifier words in source text, for the detectors' text prefilters. A word with other
// characters comes out as a part, which can only make a prefilter look closer, never miss a
// name: all the names they look for are ASCII.

/** [A-Za-z0-9_$] by character code. */
export const WORD_CHARS: Uint8Array = (() => {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36) table[c] = 1;
  }
  return table;
})();

/** Whether a character code (NaN outside the text) is an ASCII identifier character. */
export function isWordChar(c: number): boolean {
  return c < 128 && WORD_CHARS[c] === 1;
}

/** Start of the identifier characters that end at `end` (exclusive). */
export function wordStart(text: string, end: number): number {
  let start = end;
  while (start > 0 && isWordChar(text.charCodeAt(start - 1))) start--;
  return start;
}

/** End of the identifier characters that start at `start`. */
export function wordEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
  return end;
}

/**
 * Whether source text may refer to the identifier `name`: it spells it, or holds a `\u` escape,
 * the only way an identifier can be spelled otherwise. `escapes` false: the caller knows the
 * text holds none (no part of a file without escapes has one).
 */
export function mayName(text: string, name: string, escapes = true): boolean {
  return text.includes(name) || (escapes && mayEscape(text));
}

/** Whether source text holds a `\u` escape, which may spell any identifier. */
export function mayEscape(text: string): boolean {
  return text.includes('\\u');
}

/**
 * Whether source text may call the identifier `name` by itself: it spells it outside a member
 * (`x.name`), followed by what can come between a callee and its `(`: `(`, `?.`, `!`, `)` of
 * `(name)(`, `<` of type arguments, a comment. Or it holds a `\u` escape.
 */
export function mayCall(text: string, name: string): boolean {
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
    const before = i > 0 ? text.charCodeAt(i - 1) : 0;
    if (isWordChar(before) || before === 46 /* . */) continue;
    let j = i + name.length;
    if (isWordChar(text.charCodeAt(j))) continue;
    while (text.charCodeAt(j) === 32 || (text.charCodeAt(j) >= 9 && text.charCodeAt(j) <= 13)) j++;
    const c = text.charCodeAt(j);
    // ( ! ) / <
    if (c === 40 || c === 33 || c === 41 || c === 47 || c === 60 || (c === 63 && text.charCodeAt(j + 1) === 46)) return true;
  }
  return mayEscape(text);
}
