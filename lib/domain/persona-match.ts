import type { TimelineEntry } from './contact-context';
import type { Contact } from './contact';
import type { Persona, PersonaMatch, PersonaRule, RuleResult } from './persona';

type Engagement = Pick<TimelineEntry, 'assetType'>[];

const RULE_LABELS: Record<PersonaRule['kind'], string> = {
  titleKeywords: 'Job title',
  seniority: 'Seniority',
  department: 'Department',
  industry: 'Industry',
  companySize: 'Company size',
  engagement: 'Engagement',
};

const norm = (v: string) =>
  v
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

function inList(value: string | undefined, values: string[], what: string): [boolean, string] {
  if (!value) return [false, `No ${what} on record`];
  const ok = values.some((v) => norm(v) === norm(value));
  return [ok, ok ? `${value} is a fit` : `${value} is not one of ${values.join(', ')}`];
}

function evaluate(rule: PersonaRule, contact: Contact, touches: Engagement): [boolean, string] {
  switch (rule.kind) {
    case 'titleKeywords': {
      if (!contact.title) return [false, 'No job title on record'];
      const title = contact.title.toLowerCase();
      const hit = rule.keywords.find((k) => title.includes(k.toLowerCase()));
      return hit ? [true, `Title contains “${hit}”`] : [false, `Title has none of: ${rule.keywords.join(', ')}`];
    }
    case 'seniority':
      return inList(contact.seniority, rule.values, 'seniority');
    case 'department':
      return inList(contact.department, rule.values, 'department');
    case 'industry':
      return inList(contact.industry, rule.values, 'industry');
    case 'companySize': {
      const size = contact.companySize;
      const range = `${rule.min ?? 0}–${rule.max ?? '∞'} employees`;
      if (size === undefined) return [false, 'No company size on record'];
      const ok = (rule.min === undefined || size >= rule.min) && (rule.max === undefined || size <= rule.max);
      return [ok, `${size.toLocaleString('en-US')} employees ${ok ? 'within' : 'outside'} ${range}`];
    }
    case 'engagement': {
      const wanted = new Set(rule.assetTypes.map(norm));
      const count = touches.filter((t) => wanted.has(norm(t.assetType))).length;
      const ok = count >= rule.minTouches;
      return [ok, `${count} ${rule.assetTypes.join('/')} touches (${rule.minTouches} needed)`];
    }
  }
}

/**
 * Scores a contact against one persona: the weighted share of rules that hold,
 * 0–100, with every rule explained so a rep can see *why*. Missing data counts
 * as not matched rather than guessed.
 */
export function matchPersona(persona: Persona, contact: Contact, touches: Engagement): PersonaMatch {
  let total = 0;
  let earned = 0;
  const rules: RuleResult[] = persona.rules.map((rule) => {
    const [matched, detail] = evaluate(rule, contact, touches);
    total += rule.weight;
    if (matched) earned += rule.weight;
    return { kind: rule.kind, label: RULE_LABELS[rule.kind], matched, detail, weight: rule.weight };
  });
  const score = total === 0 ? 0 : Math.round((earned / total) * 100);
  return { personaId: persona.id, personaName: persona.name, score, rules };
}

/** All personas scored, best first; ties keep the personas' own order. */
export function rankPersonas(personas: Persona[], contact: Contact, touches: Engagement): PersonaMatch[] {
  return personas
    .map((p, i) => ({ m: matchPersona(p, contact, touches), i }))
    .sort((a, b) => b.m.score - a.m.score || a.i - b.i)
    .map(({ m }) => m);
}
