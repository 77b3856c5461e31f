import type { Plugin } from 'vite';

// One `why: '…'` (or "…") property on its own line, as Prettier writes it.
const WHY_LINE = /^\s*why:\s*(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"),?[ \t]*\n/gm;
const SELECTORS_FILE = /[\\/]lib[\\/]hosts[\\/].+[\\/]selectors\.ts$/;

/**
 * Each host selector carries a `why` for the people who maintain it (lib/hosts/README.md).
 * The content script, loaded on every host tab, never reads it, so its build leaves the
 * notes out: about a tenth of its gzip weight. A note written any other way than one
 * quoted string stops the build rather than ship half-stripped.
 */
export const withoutSelectorNotes: Plugin = {
  name: 'leadlight:without-selector-notes',
  enforce: 'pre',
  transform(code, id) {
    if (!SELECTORS_FILE.test(id)) return undefined;
    const stripped = code.replace(WHY_LINE, '');
    if (/\bwhy:/.test(stripped)) this.error(`${id}: write each selector's why as one quoted string on its own line`);
    return { code: stripped, map: null };
  },
};
