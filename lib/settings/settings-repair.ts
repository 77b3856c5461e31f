import type { z } from 'zod';
import { SECTION_NAMES, fallbackFor, leafName, reasonFor, shown, withoutCredentials } from './settings-repair-words';

/** One stored setting Leadlight could not use as it was, and what it did instead, in words for the options page. */
export type SettingsRepair = {
  /** The top-level setting, such as `sla` or `rep`. */
  field: string;
  message: string;
  /**
   * True when the whole setting fell back to its default. Such a setting stays stored as
   * it was until a save changes it; a repair inside a setting is kept by the next save.
   */
  defaulted: boolean;
};

type Path = readonly PropertyKey[];
type Fix = { value: unknown; message: string };
type Issue = z.core.$ZodIssue;

const isContainer = (v: unknown): v is Record<PropertyKey, unknown> => typeof v === 'object' && v !== null;

function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const key of path) v = isContainer(v) ? v[key] : undefined;
  return v;
}

/** A copy of `root` without the value at `path` (an array closes up), or null when nothing is there. */
function without(root: unknown, path: Path): unknown {
  if (path.length === 0 || !isContainer(root) || !(path[0]! in root)) return null;
  const [key, ...rest] = path;
  if (rest.length > 0) {
    const inner = without(root[key!], rest);
    if (inner === null) return null;
    return Array.isArray(root) ? (root as unknown[]).map((v, i) => (i === key ? inner : v)) : { ...root, [key!]: inner };
  }
  return Array.isArray(root)
    ? (root as unknown[]).filter((_, i) => i !== key)
    : Object.fromEntries(Object.entries(root).filter(([k]) => k !== key));
}

const replaced = (root: Record<string, unknown>, key: string, value: unknown) => ({ ...root, [key]: value });

/**
 * Repairs that keep what the user meant, tried before a bad value is left out: a login
 * host typed in capitals, a feed URL stored with a password before such URLs were refused,
 * a working day whose end is not after its start (both ends go back to 09:00–17:00).
 */
function specialFix(field: string, stored: unknown, issue: Issue): Fix | null {
  if (!isContainer(stored) || Array.isArray(stored)) return null;
  const [key] = issue.path;
  const section = SECTION_NAMES[field];
  const value = stored[key as string];
  if (field === 'salesforce' && key === 'verdictFields')
    return {
      value: without(stored, ['verdictFields']),
      message: `${section}: the Lead and Contact fields verdicts set could not be used${reasonFor(issue)}, so verdicts set no fields until they are mapped again.`,
    };
  if (field === 'salesforce' && key === 'loginHost' && typeof value === 'string' && value.trim().toLowerCase() !== value)
    return {
      value: replaced(stored, 'loginHost', value.trim().toLowerCase()),
      message: `${section}: the login host${shown(value)} was changed to lower case.`,
    };
  if (field === 'feed' && key === 'url' && typeof value === 'string' && withoutCredentials(value))
    return {
      value: replaced(stored, 'url', withoutCredentials(value)),
      message: `${section}: the user name and password were removed from the feed URL${shown(value)}; Leadlight no longer keeps them in its settings. If the feed needs them, ask for an address that does not.`,
    };
  if (field === 'sla' && key === 'dayEnd' && issue.code === 'custom' && ('dayStart' in stored || 'dayEnd' in stored)) {
    const { dayStart: _start, dayEnd: _end, ...rest } = stored;
    return {
      value: rest,
      message: `${section}: the working day${shown(`${String(stored.dayStart)}–${String(stored.dayEnd)}`)} ends before it starts, so Leadlight uses 09:00–17:00.`,
    };
  }
  return null;
}

/** The bad value at the issue's path, left out; null when it is not there to leave out (a required part missing). */
function leaveOut(field: string, stored: unknown, issue: Issue): Fix | null {
  const value = without(stored, issue.path);
  if (value === null) return null;
  const bad = valueAt(stored, issue.path);
  const what = leafName(field, issue.path);
  return {
    value,
    message: `${SECTION_NAMES[field]}: ${what}${shown(bad)} could not be used${reasonFor(issue)}, so Leadlight left it out.`,
  };
}

// Enough for a list of a hundred bad entries; a fix always removes or changes something.
const MAX_FIXES = 500;

/**
 * One top-level setting, validated. A bad part is repaired or left out where that keeps the
 * rest safe (one bad holiday does not cost the SLA its time zone); when no such repair is
 * found the whole setting falls back to its default.
 */
export function repairField(field: string, schema: z.ZodType, stored: unknown): { value: unknown; repairs: SettingsRepair[] } {
  let candidate = stored;
  const repairs: SettingsRepair[] = [];
  // A required part left out is then reported missing: the user needs to hear why it was left out.
  const firstAt = new Map<string, Issue>();
  for (let i = 0; i <= MAX_FIXES; i++) {
    const parsed = schema.safeParse(candidate);
    if (parsed.success) return { value: parsed.data, repairs };
    const issue = parsed.error.issues[0]!;
    const at = issue.path.map(String).join('.');
    if (!firstAt.has(at)) firstAt.set(at, issue);
    const fix = i < MAX_FIXES ? (specialFix(field, candidate, issue) ?? leaveOut(field, candidate, issue)) : null;
    if (!fix) return { value: schema.safeParse(undefined).data, repairs: [fellBack(field, stored, firstAt.get(at)!)] };
    candidate = fix.value;
    repairs.push({ field, message: fix.message, defaulted: false });
  }
  return { value: schema.safeParse(undefined).data, repairs };
}

function fellBack(field: string, stored: unknown, issue: Issue): SettingsRepair {
  // The feed is named by its address, so the user can enter it again; a single value is shown as stored.
  const what =
    field === 'feed'
      ? `the saved feed${shown(valueAt(stored, ['url']))}`
      : isContainer(stored)
        ? 'the saved settings'
        : `${leafName(field, [])}${shown(stored)}`;
  const why = reasonFor(issue) || (issue.path.length ? ` (${leafName(field, issue.path)} is not valid)` : '');
  return {
    field,
    message: `${SECTION_NAMES[field] ?? field}: ${what} could not be used${why}, so ${fallbackFor(field)}. It stays saved as it was until you save this section again.`,
    defaulted: true,
  };
}
