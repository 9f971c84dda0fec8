import { Script } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockSource, markupKind, neutraliseEjs, scriptBlocks, type MarkupKind } from '../../cli/scan/embedded.js';

// The extraction of inline scripts from pages and components, on its own: which blocks count,
// how each is read, and that the text handed to the linter keeps every position of the file.

const bodies = (text: string, kind: MarkupKind) => scriptBlocks(text, kind).map((b) => text.slice(b.start, b.end));
const languages = (text: string, kind: MarkupKind) => scriptBlocks(text, kind).map((b) => b.language);

/** 1-based line and column of an offset, counting line breaks as ECMAScript (and ESLint) do. */
function position(text: string, offset: number): [number, number] {
  const before = text.slice(0, offset).split(/\r\n|[\r\n\u2028\u2029]/);
  return [before.length, before[before.length - 1]!.length + 1];
}

describe('markupKind', () => {
  it('knows pages, views and components by extension, and nothing else', () => {
    expect(['a.html', 'a.htm', 'views/a.ejs', 'A.vue', 'A.svelte'].map(markupKind)).toEqual(['html', 'html', 'ejs', 'vue', 'svelte']);
    expect(['a.js', 'a.ts', 'a.html.js', 'a.vue.ts', 'a.xhtml5', 'a.md'].map(markupKind)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('which blocks are code', () => {
  it('reads the types a browser runs and leaves data and templates alone', () => {
    const page = [
      '<script>read1()</script>',
      '<script type="module">read2()</script>',
      '<script type="text/javascript">read3()</script>',
      '<script type="application/javascript">read4()</script>',
      '<script type=" TEXT/JavaScript; charset=utf-8 ">read5()</script>',
      '<script type="text/babel">read6(<b />)</script>',
      '<script type="text/jsx">read7()</script>',
      '<script language="JavaScript">read8()</script>',
      '<script type="">read9()</script>',
      '<script type="application/json">{"skip": "setInterval(fetch)"}</script>',
      '<script type="application/ld+json">{"skip": 1}</script>',
      '<script type="importmap">{"imports": {}}</script>',
      '<script type="text/template">skip()</script>',
      '<script type="text/x-template">skip()</script>',
      '<script type="speculationrules">{"prerender": []}</script>',
      '<script language="vbscript">skip()</script>',
      '<script src="/app.js">skip()</script>',
      '<script src="/app.js"></script>',
      '<script>  \n  </script>',
    ].join('\n');
    expect(bodies(page, 'html')).toEqual(['read1()', 'read2()', 'read3()', 'read4()', 'read5()', 'read6(<b />)', 'read7()', 'read8()', 'read9()']);
  });

  it('ignores scripts in comments and in elements whose content is text', () => {
    const page = [
      '<!-- <script>skip()</script> -->',
      '<!-- <p>Old:</p> <script>skip()</script> -->',
      '<!-- several',
      '  <script>skip()</script>',
      '-->',
      '<!--><script>read1()</script>',
      '<!---><script>read2()</script>',
      '<textarea><script>skip()</script></textarea>',
      '<title>Docs for <script>skip()</script></title>',
      '<style>/* <script>skip()</script> */</style>',
      '<noscript><script>skip()</script></noscript>',
      '<div title="<script>skip()</script>"></div>',
      '<p>a < b</p><script>read3()</script>',
    ].join('\n');
    expect(bodies(page, 'html')).toEqual(['read1()', 'read2()', 'read3()']);
  });

  it('ends a block at the first </script, in any case, as browsers do', () => {
    expect(bodies('<script>var s = "</script>"; later()</script>', 'html')).toEqual(['var s = "']);
    expect(bodies('<SCRIPT>a()</SCRIPT ><script>b(x </scripts> y)</script\n>', 'html')).toEqual(['a()', 'b(x </scripts> y)']);
    expect(bodies('<script>unclosed()', 'html')).toEqual(['unclosed()']);
  });

  it('reads attributes with quoted ">" and the first of repeated attributes', () => {
    expect(bodies('<script data-rule="a > b" type="application/json">{}</script><script type="module" type="text/x-template">read()</script>', 'html')).toEqual([
      'read()',
    ]);
    expect(bodies(`<script setup lang="ts" generic="T extends Record<string, unknown>">read()</script>`, 'vue')).toEqual(['read()']);
  });
});

describe('languages', () => {
  it('reads lang in components: ts and tsx as TypeScript, js or none as JavaScript, others not at all', () => {
    const sfc = (attributes: string) => languages(`<script ${attributes}>x()</script>`, 'vue');
    expect(sfc('setup lang="ts"')).toEqual(['ts']);
    expect(sfc("lang='TS'")).toEqual(['ts']);
    expect(sfc('lang="tsx"')).toEqual(['tsx']);
    expect(sfc('setup')).toEqual(['js']);
    expect(sfc('lang="js"')).toEqual(['js']);
    expect(sfc('lang="coffee"')).toEqual([]);
    expect(languages('<script context="module" lang="typescript">x()</script><script>y()</script>', 'svelte')).toEqual(['ts', 'js']);
    expect(languages('<script type="text/typescript">x()</script>', 'svelte')).toEqual(['ts']);
  });

  it('takes lang in a page for the language of the text, not of the code', () => {
    expect(languages('<script lang="en">x()</script><script lang="ts">y()</script>', 'html')).toEqual(['js', 'js']);
  });
});

describe('Vue components', () => {
  it('reads only top-level <script> blocks', () => {
    const sfc = [
      '<template>',
      '  <template v-if="a"><b>nested</b></template>',
      '  <script>skip()</script>',
      '</template>',
      '<docs>',
      'Use it as <script>skip()</script> would.',
      '</docs>',
      '<script setup />',
      '<script>read1()</script>',
      '<script setup lang="ts">read2()</script>',
    ].join('\n');
    expect(bodies(sfc, 'vue')).toEqual(['read1()', 'read2()']);
  });
});

describe('EJS', () => {
  it('turns output tags into one identifier and the rest into blanks, keeping every offset', () => {
    expect(neutraliseEjs('var url = "<%= base %>/api";')).toBe(`var url = "_${' '.repeat(10)}/api";`);
    expect(neutraliseEjs('var cfg = <%- JSON.stringify(c) %>;')).toBe(`var cfg = _${' '.repeat(23)};`);
    expect(neutraliseEjs('<% if (a) { %>go()<% } %><%# note %><%_ x _%>')).toBe(`${' '.repeat(14)}go()${' '.repeat(27)}`);
    expect(neutraliseEjs('a(<%= [\n  1,\r\n  2] %>)')).toBe(`a(_${' '.repeat(4)}\n${' '.repeat(4)}\r\n${' '.repeat(7)})`);
    expect(neutraliseEjs('var s = "<%% literal";')).toBe('var s = "<%% literal";');
    expect(neutraliseEjs('run(); <% unclosed')).toBe(`run(); ${' '.repeat(11)}`);
  });

  it('makes templated scripts parse', () => {
    const samples = [
      'var url = "<%= base %>/api";\nvar cfg = <%- JSON.stringify(c) %>;',
      '<% if (live) { %>\nsetInterval(poll, <%= ms %>);\n<% } else { %>\npoll();\n<% } %>',
      'var <%= name %> = 1; obj.<%= key %> = 2;',
    ];
    for (const code of samples) {
      expect(() => new Script(code)).toThrow(SyntaxError);
      expect(() => new Script(neutraliseEjs(code))).not.toThrow();
    }
  });

  it('skips EJS tags in the markup and in opening tags', () => {
    const view = [
      "<%- include('head', { tag: '<script>' }) %>",
      "<% if (user) { %><script nonce=<%= nonce || 'a b' %>>read1(<%= user.id %>)</script><% } %>",
      '<%= "<script>skip()</script>" %>',
      '<script nonce="<%= nonce || "none" %>" type="module">read2()</script>',
      '<script type="<%= json ? "application/json" : "module" %>">skip()</script>',
    ].join('\n');
    expect(bodies(view, 'ejs')).toEqual(['read1(<%= user.id %>)', 'read2()']);
    const [block] = scriptBlocks(view, 'ejs');
    expect(blockSource(view, block!, 'ejs').slice(block!.start, block!.end)).toBe(`read1(_${' '.repeat(13)})`);
  });

  it('leaves <% alone outside EJS views', () => {
    const page = '<script>a("<%= b %>")</script>';
    const [block] = scriptBlocks(page, 'html');
    expect(blockSource(page, block!, 'html').trim()).toBe('a("<%= b %>")');
  });
});

describe('positions', () => {
  it('keeps the block in place and blanks everything else, line breaks included', () => {
    const page = '<!doctype html>\r\n<p>One\u2028two</p>\n  <script type="module">const a = 1; go(a);\n  next();</script>\n<script>b()</script>\n';
    const [first, second] = scriptBlocks(page, 'html');
    const text = blockSource(page, first!, 'html');
    expect(text).toHaveLength(page.length);
    expect(text.slice(first!.start, first!.end)).toBe(page.slice(first!.start, first!.end));
    expect(text.slice(0, first!.start).replace(/ /g, '')).toBe('\r\n\u2028\n');
    expect(text.slice(first!.end).replace(/ /g, '')).toBe('\n\n');
    // Code on the opening tag's line keeps its column; lines after it keep theirs.
    for (const marker of ['go(a)', 'next()']) {
      const offset = page.indexOf(marker);
      expect(text.indexOf(marker)).toBe(offset);
      expect(position(text, offset)).toEqual(position(page, offset));
    }
    expect(position(page, page.indexOf('go(a)'))).toEqual([4, 38]);
    expect(blockSource(page, second!, 'html').trim()).toBe('b()');
  });

  it('keeps a byte-order mark, which ESLint drops before counting columns', () => {
    const page = '\ufeff<script>a()</script>';
    const [block] = scriptBlocks(page, 'html');
    expect(blockSource(page, block!, 'html')).toBe(`\ufeff${' '.repeat(8)}a()${' '.repeat(9)}`);
  });

  it('holds for any mix of tags, comments, EJS and line breaks', () => {
    const piece = fc.constantFrom(
      '<script>', '<script type="module">', '<script lang="ts">', '<script type="application/json">', '</script>', '<template>', '</template>',
      '<!--', '-->', '<%= x %>', '<% if (a) { %>', '<%%', '%>', '<textarea>', '</textarea>', '"', "'", '<', '>', '/', '=',
      'go();', ' ', '\n', '\r\n', '\r', '\u2028', 'é', '😀',
    );
    const kinds = fc.constantFrom<MarkupKind>('html', 'ejs', 'vue', 'svelte');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((p) => p.join('')), kinds, (page, kind) => {
        let previousEnd = 0;
        for (const block of scriptBlocks(page, kind)) {
          expect(block.start).toBeGreaterThanOrEqual(previousEnd);
          expect(block.end).toBeGreaterThan(block.start);
          expect(block.end).toBeLessThanOrEqual(page.length);
          previousEnd = block.end;
          const text = blockSource(page, block, kind);
          expect(text).toHaveLength(page.length);
          for (let i = 0; i < page.length; i++) {
            const c = page[i]!;
            if ('\n\r\u2028\u2029'.includes(c)) expect(text[i]).toBe(c);
            else if (i < block.start || i >= block.end) expect(text[i]).toBe(' ');
            else if (kind !== 'ejs') expect(text[i]).toBe(c);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
