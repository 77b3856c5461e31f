import { touchAssetCategoryOf } from './categories';
import type { TimelineEntry } from './contact-context';
import type { Contact } from './contact';
import { DEFAULT_FIT_THRESHOLD, type Persona, type PersonaMatch, type PersonaRule, type RuleResult } from './persona';
import { assetTypesWord, countWords, departmentWord, industryWord, orList, seniorityWord, sizeRangeWords } from './persona-labels';
import { fold } from './fold';
import { Memo } from './memo';
import { departmentFromTitle, departmentId, seniorityFromTitle, seniorityId, seniorityRuleId } from './title-inference';

type Engagement = (Pick<TimelineEntry, 'assetType'> & Partial<Pick<TimelineEntry, 'assetName' | 'assetCategory'>>)[];
type Outcome = RuleResult['outcome'];

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

/** A picklist field as recorded, or read from the job title when the source lacks it. */
type Field = { value: string; derived: boolean } | undefined;
const field = (recorded: string | undefined, fromTitle: () => string | undefined): Field => {
  if (recorded) return { value: recorded, derived: false };
  const guess = fromTitle();
  return guess ? { value: guess, derived: true } : undefined;
};

/**
 * Whether a recorded or derived value is one of a rule's values. Both sides are read
 * as Leadlight's ids first, so "Information Technology" is IT and "Vice President" a VP,
 * as they would be in a job title; the value is still shown as the record has it.
 */
function inList(
  f: Field,
  values: string[],
  what: string,
  words: (v: string) => string,
  id: (v: string) => string = norm,
  ruleId: (v: string) => string = norm,
): [Outcome, string] {
  if (!f) return ['unknown', `Unknown: no ${what} on record`];
  // The record's value is read in everyday words ("Vice President" is vp); the rule's only by
  // its ids, as written: read as a title, "Sales Operations" would be met by any operations.
  const wanted = norm(id(f.value));
  const ok = values.some((v) => norm(ruleId(v)) === wanted || norm(v) === norm(f.value));
  const shown = `${words(f.value)}${f.derived ? ' (from the job title)' : ''}`;
  return ok ? ['met', `${shown} is a fit`] : ['unmet', `${shown}, not ${orList(values.map(words))}`];
}

/**
 * Text as its words, case and accents aside, padded with spaces so a keyword matches
 * whole words only: "IT Manager" is not in "Credit Manager", nor "CTO" in "Director".
 * Punctuation only separates words, so "VP, Sales" is met by "VP Sales" and "C-level" by "C-Level".
 */
const toPhrase = (text: string) =>
  ` ${fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ')} `;

// The report scores every contact against the same keywords, each title once per persona:
// remembered, as reading a text this way costs some 25 times a plain toLowerCase.
const phrases = new Memo<string>();
const phrase = (text: string) => phrases.get(text, () => toPhrase(text));

// Chinese and Japanese write no spaces between words, so there a keyword is matched anywhere.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const containsWords = (title: string, keyword: string) =>
  keyword.trim() !== '' && title.includes(UNSPACED.test(keyword) ? keyword.trim() : keyword);

function evaluate(rule: PersonaRule, contact: Contact, touches: Engagement): [Outcome, string] {
  switch (rule.kind) {
    case 'titleKeywords': {
      if (!contact.title) return ['unknown', 'Unknown: no job title on record'];
      const title = phrase(contact.title);
      const hit = rule.keywords.find((k) => containsWords(title, phrase(k)));
      return hit ? ['met', `Title contains “${hit}”`] : ['unmet', `Title has none of: ${rule.keywords.join(', ')}`];
    }
    case 'seniority':
      return inList(
        field(contact.seniority, () => seniorityFromTitle(contact.title)),
        rule.values,
        'seniority',
        seniorityWord,
        seniorityId,
        seniorityRuleId,
      );
    case 'department':
      return inList(
        field(contact.department, () => departmentFromTitle(contact.title)),
        rule.values,
        'department',
        departmentWord,
        departmentId,
      );
    case 'industry':
      return inList(
        field(contact.industry, () => undefined),
        rule.values,
        'industry',
        industryWord,
      );
    case 'companySize': {
      const size = contact.companySize;
      const range = sizeRangeWords(rule.min, rule.max);
      if (size === undefined) return ['unknown', 'Unknown: no company size on record'];
      const ok = (rule.min === undefined || size >= rule.min) && (rule.max === undefined || size <= rule.max);
      const has = `${countWords(size)} employees`;
      return ok ? ['met', `${has}, within ${range}`] : ['unmet', `${has}; needs ${range}`];
    }
    case 'engagement': {
      const wanted = new Set(rule.assetTypes.map(norm));
      // A rule names Leadlight's asset kinds; an org's own type ("Gated eBook") counts through its category.
      const count = touches.filter((t) => wanted.has(norm(t.assetType)) || wanted.has(norm(touchAssetCategoryOf(t)))).length;
      const what = orList(rule.assetTypes.map(assetTypesWord));
      // Touches are always known (none is an answer), so engagement is always judged.
      return [
        count >= rule.minTouches ? 'met' : 'unmet',
        `${count} ${count === 1 ? 'touch' : 'touches'} from ${what} (${rule.minTouches} needed)`,
      ];
    }
  }
}

/**
 * Scores a contact against one persona: the weighted share of the rules that
 * could be judged that hold, 0–100, with every rule explained so a rep can see
 * why. A rule the record has no data for is "unknown" and counts neither way;
 * seniority and department come from the job title when the source lacks them.
 * A contact fits when the score reaches the persona's threshold.
 */
export function matchPersona(persona: Persona, contact: Contact, touches: Engagement): PersonaMatch {
  let judgedWeight = 0;
  let earned = 0;
  let judged = 0;
  const rules: RuleResult[] = persona.rules.map((rule) => {
    const [outcome, detail] = evaluate(rule, contact, touches);
    if (outcome !== 'unknown') {
      judged += 1;
      judgedWeight += rule.weight;
      if (outcome === 'met') earned += rule.weight;
    }
    return { kind: rule.kind, label: RULE_LABELS[rule.kind], matched: outcome === 'met', outcome, detail, weight: rule.weight };
  });
  const score = judgedWeight === 0 ? 0 : Math.round((earned / judgedWeight) * 100);
  const threshold = persona.fitThreshold ?? DEFAULT_FIT_THRESHOLD;
  return {
    personaId: persona.id,
    personaName: persona.name,
    score,
    judged,
    ruleCount: rules.length,
    threshold,
    fits: judged > 0 && score >= threshold,
    rules,
  };
}

/** All personas scored, best first (fits, score, then more rules judged); ties keep the personas' own order. */
export function rankPersonas(personas: Persona[], contact: Contact, touches: Engagement): PersonaMatch[] {
  return personas
    .map((p, i) => ({ m: matchPersona(p, contact, touches), i }))
    .sort((a, b) => Number(b.m.fits) - Number(a.m.fits) || b.m.score - a.m.score || b.m.judged - a.m.judged || a.i - b.i)
    .map(({ m }) => m);
}
