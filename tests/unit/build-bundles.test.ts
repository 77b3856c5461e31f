import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { InlineConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import type { Entrypoint, EntrypointGroup } from 'wxt';
import { frameOnPreact, nativeBrowserOnHostPages, separateFrameBuild } from '@/lib/build/frame-bundle';
import { withoutSelectorNotes } from '@/lib/build/selector-notes';

const entry = (name: string, type = 'unlisted-page') => ({ name, type }) as unknown as Entrypoint;

describe('the sidebar frame’s own build', () => {
  it('takes the frame out of the pages built together, leaving the others as they were', () => {
    const background = entry('background', 'background');
    const groups: EntrypointGroup[] = [background, [entry('options', 'options'), entry('sidebar'), entry('popup', 'popup')]];
    separateFrameBuild(groups);
    expect(groups.map((g) => (Array.isArray(g) ? g.map((e) => e.name) : g.name))).toEqual([
      'background',
      ['options', 'popup'],
      ['sidebar'],
    ]);
  });

  it('resolves React to Preact in the frame’s build only, keeping the aliases already there', () => {
    const frame: InlineConfig = { resolve: { alias: { '@': '/src' } } };
    frameOnPreact([entry('sidebar')], frame);
    const aliases = frame.resolve!.alias as { find: string | RegExp; replacement: string }[];
    const to = (id: string) => aliases.find((a) => (typeof a.find === 'string' ? a.find === id : a.find.test(id)))?.replacement;
    expect([to('react'), to('react-dom'), to('react-dom/client'), to('react/jsx-runtime'), to('@')]).toEqual([
      'preact/compat',
      'preact/compat',
      'preact/compat/client',
      'preact/jsx-runtime',
      '/src',
    ]);
    const options: InlineConfig = { resolve: { alias: { '@': '/src' } } };
    frameOnPreact([entry('options', 'options'), entry('popup', 'popup')], options);
    expect(options.resolve!.alias).toEqual({ '@': '/src' });
  });
});

describe('the browser API on host pages', () => {
  const browserOf = (config: InlineConfig) => {
    const aliases = (Array.isArray(config.resolve?.alias) ? config.resolve.alias : []) as { find: string | RegExp; replacement: string }[];
    return aliases.find((a) => (typeof a.find === 'string' ? a.find === 'wxt/browser' : a.find.test('wxt/browser')))?.replacement;
  };

  it('gives content scripts and the frame WXT’s native browser, ahead of the polyfill module’s alias', () => {
    for (const e of [entry('gmail', 'content-script'), entry('sidebar')]) {
      const config: InlineConfig = { resolve: { alias: { 'wxt/browser': '@wxt-dev/webextension-polyfill/browser' } } };
      nativeBrowserOnHostPages([e], config);
      expect(browserOf(config)).toMatch(/[/\\]node_modules[/\\]wxt[/\\]dist[/\\]browser\.mjs$/);
    }
  });

  it('leaves the background and the other pages on the polyfill', () => {
    for (const group of [[entry('background', 'background')], [entry('options', 'options'), entry('popup', 'popup')]]) {
      const config: InlineConfig = { resolve: { alias: { 'wxt/browser': '@wxt-dev/webextension-polyfill/browser' } } };
      nativeBrowserOnHostPages(group, config);
      expect(config.resolve!.alias).toEqual({ 'wxt/browser': '@wxt-dev/webextension-polyfill/browser' });
    }
  });
});

describe('selector notes in the content script', () => {
  const transform = (code: string, id: string) => {
    const errors: string[] = [];
    const context = { error: (m: string) => errors.push(m) };
    const hook = withoutSelectorNotes.transform as (this: unknown, c: string, i: string) => { code: string } | undefined;
    return { out: hook.call(context, code, id)?.code, errors };
  };

  it('leaves every selector but none of the notes', () => {
    const file = resolve(import.meta.dirname, '../../lib/hosts/gmail/selectors.ts');
    const source = readFileSync(file, 'utf8');
    const { out, errors } = transform(source, file);
    expect(errors).toEqual([]);
    expect(out).not.toMatch(/\bwhy:/);
    for (const [, selector] of source.matchAll(/selector: ('[^']*'|"[^"]*")/g)) expect(out).toContain(selector);
  });

  it('stops the build on a note it cannot take out whole, and leaves other files alone', () => {
    const id = '/repo/lib/hosts/gmail/selectors.ts';
    expect(transform("export const S = { a: { selector: 'a', why: 'one' + 'two' } };\n", id).errors).toHaveLength(1);
    expect(transform("const why: string = 'x';\n", '/repo/lib/hosts/participants.ts').out).toBeUndefined();
  });
});
