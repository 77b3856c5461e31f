import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Campaign, Touch } from '@/lib/domain/campaign';
import type { Contact } from '@/lib/domain/contact';
import type { ReportVerdict } from '@/lib/domain/report-schema';

/**
 * A large team's report data: 100k contacts handed over one a day for 500 days by
 * nine reps, ten campaign touches each in the days before the hand-off, and 50k
 * verdicts over 540 days. The computation bench holds it in memory; the page bench
 * writes it as the files a marketer would import and merge.
 */
export const REPORT_SCALE = { contacts: 100_000, touchesPerContact: 10, verdicts: 50_000, reps: 9, campaigns: 200 };
export type ReportScale = typeof REPORT_SCALE;

const DAY = 86_400_000;
const CAMPAIGN_TYPES = ['Webinar', 'Email', 'Event', 'Content'];

export type ReportDataset = { contacts: Contact[]; touches: Touch[]; campaigns: Campaign[]; feedback: ReportVerdict[] };

export function reportDataset(now: number, scale: ReportScale = REPORT_SCALE): ReportDataset {
  const campaigns: Campaign[] = Array.from({ length: scale.campaigns }, (_, i) => ({
    id: `cmp-${i}`,
    name: `Campaign ${i}`,
    type: CAMPAIGN_TYPES[i % 4]!,
    status: 'completed',
  }));
  const contacts: Contact[] = [];
  const touches: Touch[] = [];
  for (let i = 0; i < scale.contacts; i++) {
    const email = `person${i}@company${i % 5000}.example`;
    const handoff = now - (i % 500) * DAY;
    contacts.push({
      email,
      name: `Person ${i}`,
      company: `Company ${i % 5000}`,
      owner: `Rep ${i % scale.reps}`,
      lifecycleStage: 'mql',
      handoffAt: new Date(handoff).toISOString(),
    });
    for (let t = 0; t < scale.touchesPerContact; t++) {
      touches.push({
        id: `t-${i}-${t}`,
        email,
        campaignId: `cmp-${(i * 7 + t) % scale.campaigns}`,
        assetName: 'Asset',
        assetType: 'webinar',
        date: new Date(handoff - (t + 1) * DAY).toISOString(),
        responseStatus: 'Attended',
        responded: t % 3 === 0,
      });
    }
  }
  const feedback: ReportVerdict[] = Array.from({ length: scale.verdicts }, (_, i) => ({
    id: `fb-${i}`,
    email: contacts[(i * 2) % scale.contacts]!.email,
    verdict: i % 3 ? 'good' : 'bad',
    ...(i % 3 ? {} : { reasonId: 'no_budget' }),
    author: `rep${i % scale.reps}@brightwave.example`,
    createdAt: new Date(now - (i % 540) * DAY).toISOString(),
    kind: 'quality',
  }));
  return { contacts, touches, campaigns, feedback };
}

/**
 * The dataset as a Leadlight CSV, one row per touch with its contact repeated, as
 * CRM exports are; written to a file before any timer starts. Returns the rows written.
 */
export async function writeReportCsv(path: string, d: ReportDataset): Promise<number> {
  const out = createWriteStream(path);
  out.write(
    'email,name,company,owner,lifecycle stage,mql date,campaign id,campaign,campaign type,campaign status,asset,asset type,date,status,responded\n',
  );
  const contacts = new Map(d.contacts.map((c) => [c.email, c]));
  const campaigns = new Map(d.campaigns.map((c) => [c.id, c]));
  let chunk = '';
  for (const [i, t] of d.touches.entries()) {
    const c = contacts.get(t.email)!;
    const k = campaigns.get(t.campaignId)!;
    chunk += `${c.email},${c.name},${c.company},${c.owner},${c.lifecycleStage},${c.handoffAt},${k.id},${k.name},${k.type},${k.status},${t.assetName},${t.assetType},${t.date},${t.responseStatus},${t.responded ? 'yes' : 'no'}\n`;
    if (i % 1000 === 999) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return d.touches.length;
}
