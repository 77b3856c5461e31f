import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PersonaCard } from '@/components/contact/persona-card';
import type { PersonaMatch } from '@/lib/domain/persona';

const rule = (over: Partial<PersonaMatch['rules'][number]>): PersonaMatch['rules'][number] => ({
  kind: 'titleKeywords',
  label: 'Job title',
  matched: false,
  outcome: 'unmet',
  detail: 'Title has none of: Data Engineer, Analyst',
  weight: 35,
  ...over,
});

// A Founder & CEO against the demo's personas, as issue 10 found it.
const weak: PersonaMatch = {
  personaId: 'data-practitioner',
  personaName: 'Data Practitioner',
  score: 20,
  judged: 4,
  ruleCount: 5,
  threshold: 50,
  fits: false,
  rules: [
    rule({}),
    rule({
      kind: 'seniority',
      label: 'Seniority',
      detail: 'C-level (from the job title), not Individual contributor, Manager or Director',
    }),
    rule({ kind: 'industry', label: 'Industry', outcome: 'unknown', detail: 'Unknown: no industry on record' }),
    rule({ kind: 'engagement', label: 'Engagement', matched: true, outcome: 'met', detail: '2 touches from whitepapers (1 needed)' }),
  ],
};
const other: PersonaMatch = { ...weak, personaId: 'ops', personaName: 'Operations Leader', score: 10 };

describe('PersonaCard', () => {
  it('says no persona fits well below the threshold, and names the closest', () => {
    render(<PersonaCard matches={[weak, other]} />);
    const card = screen.getByTestId('persona-match');
    expect(within(card).getByTestId('persona-no-fit')).toHaveTextContent('No persona fits well');
    expect(card).toHaveTextContent('Closest: Data Practitioner');
    expect(within(card).getByTestId('persona-score')).toHaveTextContent('20/100');
    expect(within(card).getByTestId('persona-judged')).toHaveTextContent(
      'Scored on 4 of 5 rules; the record lacks data for the rest. A fit needs 50.',
    );
  });

  it('states a fit plainly when the best persona reaches its threshold', () => {
    render(<PersonaCard matches={[{ ...weak, score: 80, fits: true, judged: 5 }]} />);
    expect(screen.queryByTestId('persona-no-fit')).not.toBeInTheDocument();
    expect(screen.getByTestId('persona-name')).toHaveTextContent('Data Practitioner');
    expect(screen.getByTestId('persona-judged')).toHaveTextContent(/^Scored on 5 of 5 rules\.$/);
  });

  it('says "rule", not "rules", of a persona with a single rule', () => {
    render(<PersonaCard matches={[{ ...weak, score: 100, fits: true, judged: 1, ruleCount: 1 }]} />);
    expect(screen.getByTestId('persona-judged')).toHaveTextContent(/^Scored on 1 of 1 rule\.$/);
  });

  it('marks a rule without data as unknown, not failed', () => {
    render(<PersonaCard matches={[weak]} />);
    const unknown = screen.getAllByTestId('persona-rule').find((li) => li.textContent?.includes('Industry'))!;
    expect(unknown).toHaveAttribute('data-outcome', 'unknown');
    expect(unknown).toHaveTextContent('?Industry: Unknown: no industry on record (unknown)');
  });

  it('cites where the data came from', () => {
    render(<PersonaCard matches={[weak]} source={{ name: 'Salesforce', at: '2026-03-06T10:32:00.000Z' }} />);
    expect(screen.getByTestId('section-source')).toHaveTextContent(/^from Salesforce, /);
  });
});
