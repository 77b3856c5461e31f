import type { z } from 'zod';

/**
 * Turns schema issues on an imported definitions file into sentences a marketer
 * can act on: which persona, which rule, which field, and what is wrong, plus
 * the exact path for whoever edits the JSON by hand. Raw zod messages
 * ("Too small: expected number to be >0") are not shown.
 */

type Issue = z.core.$ZodIssue;
type Key = PropertyKey;

/** personas[2].rules[0].weight */
export function formatPath(path: readonly Key[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${String(k)}`)).join('');
}

function valueAt(data: unknown, path: readonly Key[]): unknown {
  let v = data;
  for (const k of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<Key, unknown>)[k];
  }
  return v;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};
const plural = (n: number | bigint, word: string) => `${n} ${word}${n === 1 || n === 1n ? '' : 's'}`;

/** What is wrong with the value, as the end of a sentence ("weight must be greater than 0"). */
function problem(issue: Issue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined ? 'is missing' : `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small':
      if (issue.origin === 'string')
        return issue.minimum === 1 ? 'must not be empty' : `must be at least ${plural(issue.minimum, 'character')}`;
      if (issue.origin === 'array') return `must have at least ${plural(issue.minimum, 'entry').replace(/entrys$/, 'entries')}`;
      return `must be ${issue.inclusive ? 'at least' : 'greater than'} ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `must be at most ${plural(issue.maximum, 'character')}`;
      if (issue.origin === 'array') return `must have at most ${plural(issue.maximum, 'entry').replace(/entrys$/, 'entries')}`;
      return `must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      if (issue.discriminator && 'options' in issue && issue.options) {
        return `${JSON.stringify(value ?? null)} is not a known kind; use one of ${issue.options.join(', ')}`;
      }
      return 'does not match any allowed form';
    case 'invalid_format':
      return issue.format === 'datetime' ? 'must be a date and time such as 2026-03-01T09:00:00Z' : `is not a valid ${issue.format}`;
    default:
      return issue.message;
  }
}

/** Who the issue is about, by the names people use: 'Persona "Ops Leader", rule 2 (seniority)'. */
function subject(path: readonly Key[], data: unknown): { who: string; rest: readonly Key[] } {
  const [list, index] = path;
  if (list === 'personas' && typeof index === 'number') {
    const name = valueAt(data, ['personas', index, 'name']);
    let who = typeof name === 'string' && name.trim() ? `Persona "${name.trim()}"` : `Persona ${index + 1}`;
    const [, , rules, r] = path;
    if (rules === 'rules' && typeof r === 'number') {
      const kind = valueAt(data, ['personas', index, 'rules', r, 'kind']);
      who += `, rule ${r + 1}${typeof kind === 'string' ? ` (${kind})` : ''}`;
      return { who, rest: path.slice(4) };
    }
    return { who, rest: path.slice(2) };
  }
  if (list === 'reasons' && typeof index === 'number') {
    const id = valueAt(data, ['reasons', index, 'id']);
    return { who: typeof id === 'string' && id ? `Reason "${id}"` : `Reason ${index + 1}`, rest: path.slice(2) };
  }
  return { who: 'The file', rest: path };
}

/** One readable sentence per issue, located by a path such as personas[2].rules[0].weight. */
export function describeIssue(issue: Issue, data: unknown): string {
  const { who, rest } = subject(issue.path, data);
  const field = rest
    .filter((k) => typeof k !== 'number')
    .map(String)
    .join(' ');
  const text = issue.code === 'custom' ? issue.message : `${field ? `${field} ` : ''}${problem(issue, valueAt(data, issue.path))}`;
  return `${who}: ${text} (at ${formatPath(issue.path) || 'top level'})`;
}

/** The first few issues in one message; a long list of errors helps nobody fix the first. */
export function describeIssues(issues: readonly Issue[], data: unknown, max = 3): string {
  const shown = issues.slice(0, max).map((i) => describeIssue(i, data));
  const more = issues.length - shown.length;
  return `${shown.join('; ')}${more > 0 ? `; and ${plural(more, 'more problem')}` : ''}.`;
}
