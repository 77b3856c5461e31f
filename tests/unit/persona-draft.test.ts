import { describe, expect, it } from 'vitest';
import { draftFromPersona, validateDraft } from '@/components/options/personas/persona-draft';
import { joinList, list } from '@/components/options/personas/value-list';
import type { Persona } from '@/lib/domain/persona';

describe('a persona’s value lists in the editor', () => {
  it('keep a value holding a comma whole when a persona is opened and saved unchanged', () => {
    const persona: Persona = {
      id: 'emea-sales',
      name: 'EMEA sales leaders',
      description: 'Sales leaders in Europe',
      rules: [
        { kind: 'titleKeywords', keywords: ['Head of Sales, EMEA', 'VP "Revenue"', 'CRO'], weight: 3 },
        { kind: 'industry', values: ['Transportation, Logistics', 'Retail'], weight: 1 },
      ],
    };
    const draft = draftFromPersona(persona);
    expect(draft.rules[0]?.values).toBe('"Head of Sales, EMEA", "VP ""Revenue""", CRO');
    const saved = validateDraft(draft, []);
    expect(saved.ok && saved.persona.rules).toEqual(persona.rules);
  });

  it('read values typed with commas, spaces and quotes', () => {
    expect(list('VP Operations,  Supply Chain ,,')).toEqual(['VP Operations', 'Supply Chain']);
    expect(list(' "Head of Sales, EMEA" , CRO')).toEqual(['Head of Sales, EMEA', 'CRO']);
    expect(joinList(['plain', 'with, comma'])).toBe('plain, "with, comma"');
  });
});
