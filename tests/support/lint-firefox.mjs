// `npm run lint:firefox`: Mozilla's addons-linter on the Firefox build, as AMO runs it on upload.
// Fails on any error, and on any warning not explained below: a new one must be understood
// (and added here with its reason, and to the README) before a package ships.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import linter from 'addons-linter';

const dir = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../.output/firefox-mv2');

/** Each warning Leadlight accepts: its code, the bundled files it may appear in, and why it is safe. */
export const EXPLAINED = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    files: /^(content-scripts\/[\w-]+\.js|chunks\/[\w-]+\.js)$/,
    why: "React DOM's own innerHTML paths (dangerouslySetInnerHTML and SVG), which Leadlight never uses; data is always rendered as text.",
  },
  {
    code: 'DANGEROUS_EVAL',
    files: /^(background\.js|assets\/parse\.worker-[\w-]+\.js|chunks\/[\w-]+\.js)$/,
    why: "zod's feature probe for `new Function`; every bundle that runs zod sets it jitless first, so the probe is never made (and the extension CSP would refuse it).",
  },
];

const instance = linter.createInstance({
  config: {
    _: [dir],
    logLevel: 'fatal',
    stack: false,
    pretty: false,
    warningsAsErrors: false,
    metadata: false,
    output: 'none',
    boring: true,
    selfHosted: false,
  },
  runAsBinary: false,
});
const { errors, warnings, notices, summary } = await instance.run();
const unexplained = warnings.filter((w) => !EXPLAINED.some((e) => e.code === w.code && e.files.test(w.file ?? '')));

console.log(`addons-linter on ${dir}: ${summary.errors} errors, ${summary.warnings} warnings, ${summary.notices} notices`);
for (const e of EXPLAINED) {
  const seen = warnings.filter((w) => w.code === e.code).map((w) => w.file);
  if (seen.length) console.log(`  explained ${e.code} in ${seen.join(', ')}: ${e.why}`);
}
for (const m of [...errors, ...unexplained, ...notices]) console.log(`  ${m._type} ${m.code} ${m.file ?? ''}: ${m.message}`);
if (errors.length || unexplained.length) {
  console.error(`Firefox package refused: ${errors.length} errors, ${unexplained.length} unexplained warnings.`);
  process.exit(1);
}
