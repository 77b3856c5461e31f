import type { Touch } from './campaign';

/** A touch as its contact's row holds it: the email is the row's key. */
export type StoredTouch = Omit<Touch, 'email'>;

/**
 * A contact's touches as its row stores them (schema v9) and as an import batch
 * carries them: every distinct text of the row
 * once (`s`), then per touch one number per field (`t`): the text's index, -1 for
 * an absent optional field, and 1 or 0 for `responded`. A touch object repeats its
 * eight key names and, across one person's touches, the same campaign ids, types
 * and statuses. The browser's storage work grows with the bytes it is handed
 * (cloning them, writing and compressing them), and this shape is about 40% fewer
 * bytes per row for the same data.
 */
export type PackedTouches = { s: string[]; t: number[] };

/** The text fields in stored order; `responded` follows them. */
export const TEXT_FIELDS = ['id', 'campaignId', 'assetName', 'assetType', 'assetCategory', 'date', 'responseStatus'] as const;
/** Numbers per touch. */
export const WIDTH = TEXT_FIELDS.length + 1;

// A field added to Touch must be added here too, or packing would drop it: this line then fails to compile.
const covered: Record<Exclude<keyof StoredTouch, (typeof TEXT_FIELDS)[number] | 'responded'>, never> = {};
void covered;

/** Packs touches (with or without their email) for storage. */
export function packTouches(touches: readonly StoredTouch[]): PackedTouches {
  const s: string[] = [];
  const index = new Map<string, number>();
  const t = new Array<number>(touches.length * WIDTH);
  let j = 0;
  for (const touch of touches) {
    for (const field of TEXT_FIELDS) {
      const value = touch[field];
      if (value === undefined) {
        t[j++] = -1;
        continue;
      }
      let i = index.get(value);
      if (i === undefined) {
        i = s.length;
        s.push(value);
        index.set(value, i);
      }
      t[j++] = i;
    }
    t[j++] = touch.responded ? 1 : 0;
  }
  return { s, t };
}

/** How many touches a packed list holds, without unpacking it. */
export const packedCount = (packed: PackedTouches | undefined) => (packed ? packed.t.length / WIDTH : 0);

/**
 * The touches back as objects, each with `email` when given. Absent optional
 * fields stay absent keys, as the schema parsed them.
 */
export function unpackTouches(packed: PackedTouches | undefined): StoredTouch[];
export function unpackTouches(packed: PackedTouches | undefined, email: string): Touch[];
export function unpackTouches(packed: PackedTouches | undefined, email?: string): StoredTouch[] {
  if (!packed) return [];
  const { s, t } = packed;
  const out = new Array<StoredTouch>(t.length / WIDTH);
  for (let j = 0, n = 0; j < t.length; n++) {
    const touch: Record<string, unknown> = {};
    for (const field of TEXT_FIELDS) {
      const i = t[j++]!;
      if (i >= 0) touch[field] = s[i];
    }
    touch.responded = t[j++] === 1;
    if (email !== undefined) touch.email = email;
    out[n] = touch as StoredTouch;
  }
  return out;
}

/** Whether a touch id appears twice: ids are texts, each kept once, so a repeated index says so. */
export function hasRepeatedIds({ t }: PackedTouches): boolean {
  const seen = new Set<number>();
  for (let j = 0; j < t.length; j += WIDTH) {
    if (seen.has(t[j]!)) return true;
    seen.add(t[j]!);
  }
  return false;
}

/** Touches by id, later ones winning in the first one's place: a re-import updates a touch rather than doubling it. */
export function mergeTouches(existing: readonly StoredTouch[], incoming: readonly StoredTouch[]): StoredTouch[] {
  const byId = new Map(existing.map((t) => [t.id, t]));
  for (const t of incoming) byId.set(t.id, t);
  return existing.length === 0 && byId.size === incoming.length ? [...incoming] : [...byId.values()];
}

/** Touches grouped by their contact's email, in the order the emails first appear. */
export function groupTouches(touches: readonly Touch[]): Map<string, Touch[]> {
  const byEmail = new Map<string, Touch[]>();
  for (const t of touches) {
    const list = byEmail.get(t.email);
    if (list) list.push(t);
    else byEmail.set(t.email, [t]);
  }
  return byEmail;
}
