/**
 * Deterministic ids, so importing the same file twice updates rows instead of
 * adding copies. Two independent 32-bit hashes give 64 bits: collisions among
 * a million touches are vanishingly unlikely, and it stays synchronous (SubtleCrypto
 * is async, which would cost a microtask per row).
 */
export function hash64(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

const normName = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** Asset names repeat on every member row of a campaign: normalised once each (bounded like the import's other memos). */
const normalised = new Map<string, string>();
function normAsset(name: string): string {
  let hit = normalised.get(name);
  if (hit === undefined) {
    if (normalised.size >= 2000) normalised.clear();
    normalised.set(name, (hit = normName(name)));
  }
  return hit;
}

/** "Q3 Supply Chain Webinar" → "imp-q3-supply-chain-webinar-<hash>": readable, and unique per name. */
export function campaignIdFor(name: string): string {
  const slug = normName(name)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `imp-${slug ? `${slug}-` : ''}${hash64(normName(name)).slice(0, 10)}`;
}

export function touchIdFor(email: string, campaignId: string, assetName: string, date: string): string {
  return `tch-${hash64(`${email}\u0000${campaignId}\u0000${normAsset(assetName)}\u0000${date}`)}`;
}
