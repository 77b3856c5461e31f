import { resolve } from 'node:path';
import { build, type Rolldown } from 'vite';

/** Bundles a harness (and the real lib/ code it imports) into one script for page injection. */
export async function bundleForPage(entry: string): Promise<string> {
  const root = resolve(import.meta.dirname, '../../..');
  const out = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: { '@': root } },
    build: { write: false, minify: true, lib: { entry, formats: ['iife'], name: 'llHarness' } },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Rolldown.RolldownOutput[];
  const chunk = outputs[0]?.output.find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('Harness bundle produced no script');
  return chunk.code;
}
