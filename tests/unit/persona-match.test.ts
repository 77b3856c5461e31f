import { describe, expect, it } from 'vitest';
import { matchPersona, rankPersonas } from '@/lib/domain/persona-match';
import { createContact, createPersona, createTouch } from '../factories';

describe('matchPersona', () => {
  const persona = createPersona();

  it('scores 100 when every rule holds and explains each', () => {
    const touches = [createTouch(), createTouch({ assetType: 'case_study' })];
    const m = matchPersona(persona, createContact(), touches);
    expect(m.score).toBe(100);
    expect(m.rules.every((r) => r.matched)).toBe(true);
    expect(m.rules.find((r) => r.kind === 'titleKeywords')?.detail).toContain('operations');
    expect(m.rules.find((r) => r.kind === 'engagement')?.detail).toBe('2 webinar/case_study touches (2 needed)');
  });

  it('weights partial matches', () => {
    // Title (40) and seniority (20) hold; department, industry, size and engagement do not.
    const contact = createContact({ department: 'finance', industry: 'retail', companySize: 50 });
    expect(matchPersona(persona, contact, []).score).toBe(60);
  });

  it('treats missing fields as not matched, saying what is missing', () => {
    const m = matchPersona(persona, { email: 'x@y.example' }, []);
    expect(m.score).toBe(0);
    expect(m.rules.map((r) => r.detail)).toEqual([
      'No job title on record',
      'No seniority on record',
      'No department on record',
      'No industry on record',
      'No company size on record',
      '0 webinar/case_study touches (2 needed)',
    ]);
  });

  it('compares picklist values regardless of case, spaces and dashes', () => {
    const contact = createContact({ seniority: 'VP', department: 'Operations' });
    const m = matchPersona(persona, contact, []);
    expect(m.rules.find((r) => r.kind === 'seniority')?.matched).toBe(true);
    expect(m.rules.find((r) => r.kind === 'department')?.matched).toBe(true);
  });

  it('honours open-ended company size ranges', () => {
    const p = createPersona({ rules: [{ kind: 'companySize', min: 500, weight: 1 }] });
    expect(matchPersona(p, createContact({ companySize: 499 }), []).score).toBe(0);
    expect(matchPersona(p, createContact({ companySize: 100_000 }), []).score).toBe(100);
  });
});

describe('rankPersonas', () => {
  it('puts the best match first and keeps definition order on ties', () => {
    const finance = createPersona({ id: 'fin', name: 'Finance', rules: [{ kind: 'department', values: ['finance'], weight: 1 }] });
    const ops = createPersona();
    const tie = createPersona({ id: 'tie', name: 'Tie', rules: [{ kind: 'department', values: ['finance'], weight: 1 }] });
    const ranked = rankPersonas([finance, tie, ops], createContact(), []);
    expect(ranked.map((m) => m.personaId)).toEqual(['ops', 'fin', 'tie']);
  });
});
