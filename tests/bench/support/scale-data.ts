import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** The bench's people: `email(i)` for i in 0…contacts-1. */
export const scaleEmail = (i: number) => `person${i}.okafor@company${i % 5000}.example`;

const CAMPAIGNS = [
  'Q3 Supply Chain Visibility Webinar',
  'Customer Stories - Operations',
  'Nurture - Data Engineering Track',
  'Data Summit Berlin 2026',
];
const TYPES = ['webinar', 'content', 'email_nurture', 'event'];
const ASSET_TYPES = ['webinar', 'case_study', 'email', 'event'];
const STATUSES = ['Attended', 'Downloaded', 'Opened', 'Registered'];

/**
 * Writes a Leadlight CSV of `contacts` people with `touchesPerContact` touch rows
 * each (one row per touch, the person repeated, as exports are), to a file: built
 * before any timer starts. Plain ASCII keeps 1M rows near 150 MB.
 */
export async function writeScaleCsv(path: string, contacts: number, touchesPerContact: number): Promise<number> {
  const out = createWriteStream(path);
  out.write(
    'email,first name,last name,title,company,lifecycle stage,score,campaign,campaign type,asset,asset type,date,status,responded\n',
  );
  let bytes = 0;
  for (let i = 0; i < contacts; i++) {
    let chunk = '';
    for (let k = 0; k < touchesPerContact; k++) {
      const n = i * touchesPerContact + k;
      const c = n % CAMPAIGNS.length;
      const day = new Date(Date.UTC(2025, 0, 1) + (n % 600) * 86_400_000 + (k % 24) * 3_600_000).toISOString();
      chunk += `${scaleEmail(i)},Person${i},Okafor,VP Operations,Company ${i % 5000},mql,${i % 100},${CAMPAIGNS[c]},${TYPES[c]},Asset ${n % 40},${ASSET_TYPES[c]},${day},${STATUSES[c]},${n % 2 ? 'yes' : 'no'}\n`;
    }
    bytes += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}
