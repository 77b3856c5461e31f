// Exports the one SVG mark to the PNG sizes the stores and toolbars ask for:
// `npm run icons` after editing public/icon/icon.svg, then commit the PNGs.
import { readFileSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

const dir = new URL('../../public/icon/', import.meta.url);
const svg = readFileSync(new URL('icon.svg', dir), 'utf8');
for (const size of [16, 32, 48, 128]) {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
  writeFileSync(new URL(`${size}.png`, dir), png);
  console.log(`public/icon/${size}.png`);
}
