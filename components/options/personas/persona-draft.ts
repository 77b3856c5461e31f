import { DEFAULT_FIT_THRESHOLD, PersonaSchema, type Persona, type PersonaRule } from '@/lib/domain/persona';
import { uniqueSlug } from './slug';
import { joinList, list } from './value-list';

export type RuleKind = PersonaRule['kind'];

export const RULE_KIND_LABELS: Record<RuleKind, string> = {
  titleKeywords: 'Job title keywords',
  seniority: 'Seniority',
  department: 'Department',
  industry: 'Industry',
  companySize: 'Company size',
  engagement: 'Engagement',
};
export const RULE_KINDS = Object.keys(RULE_KIND_LABELS) as RuleKind[];

/**
 * One rule as the form holds it: text exactly as typed, whatever the kind, so
 * switching kind back and forth loses nothing and half-typed numbers survive.
 */
export type RuleDraft = {
  key: number;
  kind: RuleKind;
  /** Keywords or values, comma-separated. */
  values: string;
  min: string;
  max: string;
  assetTypes: string[];
  minTouches: string;
  weight: string;
};

export type PersonaDraft = {
  /** The saved persona's id; null for a new one (its id comes from the name). */
  id: string | null;
  name: string;
  description: string;
  /** Score from which a contact counts as fitting, as typed. */
  fitThreshold: string;
  rules: RuleDraft[];
};

let nextKey = 1;
export function newRuleDraft(kind: RuleKind = 'titleKeywords'): RuleDraft {
  return { key: nextKey++, kind, values: '', min: '', max: '', assetTypes: [], minTouches: '1', weight: '10' };
}

export function emptyDraft(): PersonaDraft {
  return { id: null, name: '', description: '', fitThreshold: String(DEFAULT_FIT_THRESHOLD), rules: [newRuleDraft()] };
}

export function draftFromPersona(p: Persona): PersonaDraft {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    fitThreshold: String(p.fitThreshold ?? DEFAULT_FIT_THRESHOLD),
    rules: p.rules.map((r) => {
      const d = newRuleDraft(r.kind);
      d.weight = String(r.weight);
      switch (r.kind) {
        case 'titleKeywords':
          d.values = joinList(r.keywords);
          break;
        case 'seniority':
        case 'department':
        case 'industry':
          d.values = joinList(r.values);
          break;
        case 'companySize':
          d.min = r.min === undefined ? '' : String(r.min);
          d.max = r.max === undefined ? '' : String(r.max);
          break;
        case 'engagement':
          d.assetTypes = [...r.assetTypes];
          d.minTouches = String(r.minTouches);
          break;
      }
      return d;
    }),
  };
}

/** Empty stays NaN (so it fails as "not a number") rather than Number('') === 0. */
const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
const optionalNum = (text: string) => (text.trim() === '' ? undefined : Number(text));

function ruleFromDraft(d: RuleDraft): Record<string, unknown> {
  const weight = num(d.weight);
  switch (d.kind) {
    case 'titleKeywords':
      return { kind: d.kind, keywords: list(d.values), weight };
    case 'seniority':
    case 'department':
    case 'industry':
      return { kind: d.kind, values: list(d.values), weight };
    case 'companySize': {
      const rule: Record<string, unknown> = { kind: d.kind, weight };
      const min = optionalNum(d.min);
      const max = optionalNum(d.max);
      if (min !== undefined) rule.min = min;
      if (max !== undefined) rule.max = max;
      return rule;
    }
    case 'engagement':
      return { kind: d.kind, assetTypes: d.assetTypes, minTouches: num(d.minTouches), weight };
  }
}

/** Field errors keyed `name`, `description`, `rules`, `rules.0.weight`, `rules.0.values`, … */
export type DraftErrors = Record<string, string>;
export type DraftResult = { ok: true; persona: Persona } | { ok: false; errors: DraftErrors };

function messageFor(field: string, kind: RuleKind | undefined): string {
  switch (field) {
    case 'name':
      return 'Give the persona a name (up to 200 characters).';
    case 'description':
      return 'Keep the description under 1,000 characters.';
    case 'rules':
      return 'Add at least one rule.';
    case 'fitThreshold':
      return 'Enter a whole number from 1 to 100.';
    case 'weight':
      return 'Weight must be a number greater than 0.';
    case 'keywords':
    case 'values':
      return kind === 'titleKeywords' ? 'List at least one keyword, separated by commas.' : 'List at least one value, separated by commas.';
    case 'min':
      return 'Minimum must be a whole number, 0 or more.';
    case 'max':
      return 'Maximum must be a whole number above 0.';
    case 'assetTypes':
      return 'Tick at least one asset type.';
    case 'minTouches':
      return 'Minimum touches must be a whole number, 1 or more.';
    default:
      return 'This value is not valid.';
  }
}

/**
 * Checks a draft with PersonaSchema and words every problem for the field it
 * belongs to. A new persona's id is its name as a slug, unique among `takenIds`.
 */
export function validateDraft(draft: PersonaDraft, takenIds: readonly string[]): DraftResult {
  const id = draft.id ?? uniqueSlug(draft.name, takenIds, '-', 'persona');
  const candidate = {
    id,
    name: draft.name.trim(),
    description: draft.description.trim(),
    rules: draft.rules.map(ruleFromDraft),
    // The default is left out, so a persona saved unchanged stays as it was.
    ...(num(draft.fitThreshold) === DEFAULT_FIT_THRESHOLD ? {} : { fitThreshold: num(draft.fitThreshold) }),
  };
  const parsed = PersonaSchema.safeParse(candidate);
  const errors: DraftErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [top, index, field] = issue.path;
      if (top === 'rules' && typeof index === 'number') {
        const rule = draft.rules[index];
        const name = field === 'keywords' ? 'values' : String(field ?? 'kind');
        errors[`rules.${index}.${name}`] ??= messageFor(name, rule?.kind);
      } else {
        // A name that slugs to nothing still gets an id, so id problems are the name's.
        const key = top === 'id' ? 'name' : String(top ?? 'name');
        errors[key] ??= messageFor(key, undefined);
      }
    }
  }
  // The schema allows any range; an inverted one would match nobody.
  draft.rules.forEach((r, i) => {
    const min = optionalNum(r.min);
    const max = optionalNum(r.max);
    if (r.kind === 'companySize' && min !== undefined && max !== undefined && min > max && !errors[`rules.${i}.max`]) {
      errors[`rules.${i}.max`] = 'Maximum must not be below the minimum.';
    }
  });
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, persona: parsed.data };
}
