import { Memo } from '../domain/memo';

/**
 * Deterministic ids, so importing the same file twice updates rows instead of
 * adding copies. Two independent 32-bit hashes give 64 bits: collisions among
 * a million touches are vanishingly unlikely, and it stays synchronous (SubtleCrypto
 * is async, which would cost a microtask per row).
 */
export function hash64(text: string): string {
  mix(0x811c9dc5, 0x9747b28c, text);
  return hex();
}

/** The two hashes' state, module-wide so hashing allocates nothing until the id is written out. */
let h1 = 0;
let h2 = 0;

function mix(from1: number, from2: number, text: string): void {
  let a = from1;
  let b = from2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  h1 = a;
  h2 = b;
}

const hex = () => (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');

const normName = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** Asset names repeat on every member row of a campaign: normalised once each (bounded like the import's other memos). */
const normalised = new Memo<string>();
const normAsset = (name: string) => normalised.get(name, () => normName(name));

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

/** The hashes' state after the last email's prefix: a person's rows follow each other, so it is hashed once per person. */
let prefix = { email: '', h1: 0, h2: 0 };

/**
 * The hash of `email \0 campaignId \0 asset \0 date`, fed part by part rather than
 * joined into one string first: the same ids as always, without a string per row.
 */
export function touchIdFor(email: string, campaignId: string, assetName: string, date: string): string {
  if (prefix.email !== email) {
    mix(0x811c9dc5, 0x9747b28c, email);
    mix(h1, h2, SEP);
    prefix = { email, h1, h2 };
  }
  mix(prefix.h1, prefix.h2, campaignId);
  mix(h1, h2, SEP);
  mix(h1, h2, normAsset(assetName));
  mix(h1, h2, SEP);
  mix(h1, h2, date);
  return `tch-${hex()}`;
}

const SEP = '\u0000';
