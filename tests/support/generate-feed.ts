/**
 * A deterministic Leadlight feed of `contacts` people with `touchesPerContact`
 * touches each, shaped as the README's feed schema describes: the scale of a large
 * team's feed (10,000 contacts with 10 touches each is 110k records, about 20 MB).
 */
export function generateFeed(contacts: number, touchesPerContact: number): string {
  const campaigns = Array.from({ length: 40 }, (_, i) => ({
    id: `cmp-${i}`,
    name: `Campaign ${i}: Supply Chain Visibility ${2025 + (i % 2)}`,
    type: ['webinar', 'content', 'event', 'email_nurture'][i % 4],
    status: 'completed',
  }));
  const people = Array.from({ length: contacts }, (_, i) => ({
    email: feedEmail(i),
    name: `Feed Person ${i}`,
    title: ['VP Operations', 'Director of Supply Chain', 'Data Analyst', 'CFO'][i % 4],
    company: `Feedco ${i % 900}`,
    industry: 'logistics',
    companySize: 200 + (i % 5000),
    lifecycleStage: ['lead', 'mql', 'sql'][i % 3],
    score: i % 100,
    originalSource: { channel: 'paid_search', detail: `utm_campaign=feed-${i % 50}`, date: '2025-08-05T10:00:00.000Z' },
  }));
  const touches = [];
  for (let i = 0; i < contacts; i++) {
    for (let k = 0; k < touchesPerContact; k++) {
      const n = i * touchesPerContact + k;
      touches.push({
        id: `tch-feed-${n}`,
        email: feedEmail(i),
        campaignId: `cmp-${n % 40}`,
        assetName: `Asset ${n % 120}: The operations leader's guide`,
        assetType: ['webinar', 'whitepaper', 'email', 'event'][n % 4],
        date: new Date(Date.UTC(2025, 6, 1) + (n % 500) * 86_400_000).toISOString(),
        responseStatus: ['Attended', 'Downloaded', 'Opened', 'Registered'][n % 4],
        responded: n % 3 !== 0,
      });
    }
  }
  return JSON.stringify({ version: 1, generatedAt: '2026-11-19T06:00:00.000Z', contacts: people, campaigns, touches });
}

export const feedEmail = (i: number) => `feed.person${i}@feedco${i % 900}.example`;
