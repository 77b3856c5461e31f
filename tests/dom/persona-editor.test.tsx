import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PersonaEditor, type PersonaEditorApi } from '@/components/options/personas/persona-editor';
import type { Persona } from '@/lib/domain/persona';
import { exportDefinitions } from '@/lib/domain/persona-exchange';
import type { ReasonDefinition } from '@/lib/domain/reason-definition';
import type { PersonaPreviewRow } from '@/lib/messaging/protocol';

const OPS: Persona = {
  id: 'ops-leader',
  name: 'Operations Leader',
  description: 'Runs operations at a mid-size company.',
  rules: [
    { kind: 'titleKeywords', keywords: ['VP Operations', 'Supply Chain'], weight: 35 },
    { kind: 'industry', values: ['logistics', 'retail'], weight: 10 },
  ],
};

const PREVIEW: PersonaPreviewRow[] = [
  { email: 'maya.okafor@northwind.example', name: 'Maya Okafor', company: 'Northwind Logistics', score: 85, savedScore: 72 },
  { email: 'tom.becker@acme.example', name: 'Tom Becker', company: 'Acme', score: 40, savedScore: 55 },
  { email: 'no.name@acme.example', score: 20, savedScore: 20 },
];

const DATA: Persona = { ...OPS, id: 'data-practitioner', name: 'Data Practitioner' };
const REASONS: ReasonDefinition[] = [
  { id: 'active_project', verdict: 'good', group: 'good', label: 'Active project' },
  { id: 'no_budget', verdict: 'bad', group: 'disqualification', label: 'No budget' },
];
const NO_BUDGET_RENAMED: ReasonDefinition = { ...REASONS[1]!, label: 'No budget this year' };
const NEW_REASON: ReasonDefinition = { id: 'wrong_region', verdict: 'bad', group: 'rejection', label: 'Wrong region' };

/** A definitions file as another rep's Leadlight exports it. */
const definitionsFile = (personas: Persona[], reasons: ReasonDefinition[]) =>
  new File([exportDefinitions(personas, reasons, new Date('2026-11-01T00:00:00.000Z'))], 'team.json', { type: 'application/json' });

/** Personas held in memory and handed back as the background does. */
function fakeApi(initial: Persona[] = [OPS]) {
  let personas = [...initial];
  return {
    listPersonas: vi.fn(async () => personas),
    savePersona: vi.fn(async (p: Persona) => {
      personas = personas.some((x) => x.id === p.id) ? personas.map((x) => (x.id === p.id ? p : x)) : [...personas, p];
      return personas;
    }),
    deletePersona: vi.fn(async (id: string) => {
      personas = personas.filter((p) => p.id !== id);
      return personas;
    }),
    previewPersona: vi.fn(async (_draft: Persona) => PREVIEW),
    exportDefinitions: vi.fn(async () => '{\n  "kind": "leadlight-definitions"\n}\n'),
    importDefinitions: vi.fn(async (_text: string) => ({ personas: 2, reasons: 14 })),
    getReasons: vi.fn(async () => REASONS),
  } satisfies PersonaEditorApi;
}

async function violations(container: Element) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const rule = (n: number) => screen.getByRole('group', { name: `Rule ${n}` });

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('PersonaEditor', () => {
  it('lists personas with their description and rule count', async () => {
    render(<PersonaEditor api={fakeApi()} />);
    const row = await screen.findByTestId('persona-row');
    expect(row).toHaveTextContent('Operations Leader');
    expect(row).toHaveTextContent('Runs operations at a mid-size company.');
    expect(row).toHaveTextContent('2 rules');
  });

  it('creates a persona with two rules, its id the slug of its name', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    render(<PersonaEditor api={api} />);
    await user.click(await screen.findByRole('button', { name: 'New persona' }));

    await user.type(screen.getByLabelText('Name'), 'Revenue Ops Lead');
    await user.type(screen.getByLabelText('Description'), 'Owns the revenue stack.');
    await user.type(within(rule(1)).getByLabelText('Keywords'), 'RevOps, Revenue Operations,');
    await user.clear(within(rule(1)).getByLabelText('Weight'));
    await user.type(within(rule(1)).getByLabelText('Weight'), '30');

    await user.click(screen.getByRole('button', { name: 'Add rule' }));
    await user.selectOptions(within(rule(2)).getByLabelText('Kind'), 'Company size');
    await user.type(within(rule(2)).getByLabelText('Minimum employees'), '100');
    await user.type(within(rule(2)).getByLabelText('Maximum employees'), '2000');

    await user.click(screen.getByRole('button', { name: 'Save persona' }));
    expect(api.savePersona).toHaveBeenCalledTimes(1);
    expect(api.savePersona).toHaveBeenCalledWith({
      id: 'revenue-ops-lead',
      name: 'Revenue Ops Lead',
      description: 'Owns the revenue stack.',
      rules: [
        { kind: 'titleKeywords', keywords: ['RevOps', 'Revenue Operations'], weight: 30 },
        { kind: 'companySize', min: 100, max: 2000, weight: 10 },
      ],
    });
    expect(await screen.findByRole('status')).toHaveTextContent('Saved “Revenue Ops Lead”.');
    expect(screen.queryByTestId('persona-form')).not.toBeInTheDocument();
    expect(screen.getAllByTestId('persona-row-name').map((n) => n.textContent)).toEqual(['Operations Leader', 'Revenue Ops Lead']);
  });

  it('gives a new persona a unique id when its slug is taken, and builds engagement rules from checkboxes', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    render(<PersonaEditor api={api} />);
    await user.click(await screen.findByRole('button', { name: 'New persona' }));
    await user.type(screen.getByLabelText('Name'), 'Ops Leader!');
    await user.selectOptions(within(rule(1)).getByLabelText('Kind'), 'Engagement');
    await user.click(within(rule(1)).getByRole('checkbox', { name: 'Webinar' }));
    await user.click(within(rule(1)).getByRole('checkbox', { name: 'Case study' }));
    await user.clear(within(rule(1)).getByLabelText('Minimum touches'));
    await user.type(within(rule(1)).getByLabelText('Minimum touches'), '2');
    await user.click(screen.getByRole('button', { name: 'Save persona' }));
    expect(api.savePersona).toHaveBeenCalledWith({
      id: 'ops-leader-2',
      name: 'Ops Leader!',
      description: '',
      rules: [{ kind: 'engagement', assetTypes: ['webinar', 'case_study'], minTouches: 2, weight: 10 }],
    });
  });

  it('sets the score from which a contact counts as fitting, and refuses one out of range', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    render(<PersonaEditor api={api} />);
    await user.click(await screen.findByRole('button', { name: 'Edit Operations Leader' }));
    const threshold = screen.getByLabelText('Fit threshold');
    expect(threshold).toHaveValue(50);
    await user.clear(threshold);
    await user.type(threshold, '0');
    await user.click(screen.getByRole('button', { name: 'Save persona' }));
    expect(api.savePersona).not.toHaveBeenCalled();
    expect(threshold).toHaveAccessibleDescription(expect.stringContaining('Enter a whole number from 1 to 100.'));
    await user.clear(threshold);
    await user.type(threshold, '65');
    await user.click(screen.getByRole('button', { name: 'Save persona' }));
    expect(api.savePersona).toHaveBeenCalledWith({ ...OPS, fitThreshold: 65 });
  });

  it('shows readable field errors for an empty name and a zero weight, and does not save', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    render(<PersonaEditor api={api} />);
    await user.click(await screen.findByRole('button', { name: 'New persona' }));
    await user.type(within(rule(1)).getByLabelText('Keywords'), 'Analyst');
    await user.clear(within(rule(1)).getByLabelText('Weight'));
    await user.type(within(rule(1)).getByLabelText('Weight'), '0');
    await user.click(screen.getByRole('button', { name: 'Save persona' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Fix the fields marked below');
    expect(api.savePersona).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent('Fix the fields marked below');
    const name = screen.getByLabelText('Name');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription('Give the persona a name (up to 200 characters).');
    const weight = within(rule(1)).getByLabelText('Weight');
    expect(weight).toHaveAttribute('aria-invalid', 'true');
    expect(weight).toHaveAccessibleDescription('Weight must be a number greater than 0.');

    // Fixing both clears the errors and saves.
    await user.type(name, 'Analyst');
    await user.clear(weight);
    await user.type(weight, '5');
    expect(name).not.toHaveAttribute('aria-invalid');
    await user.click(screen.getByRole('button', { name: 'Save persona' }));
    expect(api.savePersona).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'analyst', rules: [{ kind: 'titleKeywords', keywords: ['Analyst'], weight: 5 }] }),
    );
  });

  it('previews the draft once typing pauses and shows each contact’s score change', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const api = fakeApi();
    render(<PersonaEditor api={api} />);
    await user.click(await screen.findByRole('button', { name: 'Edit Operations Leader' }));
    expect(screen.getByTestId('persona-preview')).toHaveTextContent('Not saved yet');
    await act(async () => vi.advanceTimersByTime(300));
    expect(api.previewPersona).toHaveBeenCalledTimes(1);
    expect(api.previewPersona).toHaveBeenLastCalledWith(OPS);

    const changes = await screen.findAllByTestId('persona-preview-change');
    expect(changes.map((c) => c.textContent)).toEqual(['72 → 85 (+13)', '55 → 40 (−15)', '20 (no change)']);
    // A contact without a name is shown by email.
    expect(screen.getAllByTestId('persona-preview-row')[2]).toHaveTextContent('no.name@acme.example');

    const weight = within(rule(2)).getByLabelText('Weight');
    await user.clear(weight);
    await user.type(weight, '25');
    await act(async () => vi.advanceTimersByTime(100));
    // Still typing: no new request yet; an empty weight in between never asked at all.
    expect(api.previewPersona).toHaveBeenCalledTimes(1);
    await act(async () => vi.advanceTimersByTime(300));
    expect(api.previewPersona).toHaveBeenCalledTimes(2);
    expect(api.previewPersona).toHaveBeenLastCalledWith({ ...OPS, rules: [OPS.rules[0], { ...OPS.rules[1], weight: 25 }] });

    // An invalid draft is not previewed.
    await user.clear(within(rule(2)).getByLabelText('Values'));
    await act(async () => vi.advanceTimersByTime(1000));
    expect(api.previewPersona).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId('persona-preview')).toHaveTextContent('Complete the rules to see a preview.');

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('persona-form')).not.toBeInTheDocument();
    expect(api.savePersona).not.toHaveBeenCalled();
  });

  it('asks for confirmation before deleting a persona', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    render(<PersonaEditor api={api} />);
    await user.click(await screen.findByRole('button', { name: 'Delete Operations Leader' }));
    expect(api.deletePersona).not.toHaveBeenCalled();
    const dialog = screen.getByRole('alertdialog', { name: 'Confirm deleting Operations Leader' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(api.deletePersona).not.toHaveBeenCalled();
    expect(screen.getByTestId('persona-row')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Delete Operations Leader' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete persona' }));
    expect(api.deletePersona).toHaveBeenCalledWith('ops-leader');
    expect(await screen.findByText('No personas are defined.')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Deleted “Operations Leader”.');
  });

  it('exports the definitions as a downloaded JSON file', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    let blob: Blob | undefined;
    const createUrl = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:leadlight/definitions';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    render(<PersonaEditor api={api} />);
    await user.click(await screen.findByRole('button', { name: 'Export personas and reasons' }));

    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(api.exportDefinitions).toHaveBeenCalledTimes(1);
    expect(createUrl).toHaveBeenCalledTimes(1);
    const link = clicked[0]!;
    expect(link.download).toBe('leadlight-definitions.json');
    expect(link.getAttribute('href')).toBe('blob:leadlight/definitions');
    expect(link.isConnected).toBe(false);
    expect(blob?.type).toBe('application/json');
    expect(await blob?.text()).toBe('{\n  "kind": "leadlight-definitions"\n}\n');
    expect(await screen.findByText('Downloaded leadlight-definitions.json.')).toBeInTheDocument();
  });

  it('shows what an import would add, change and remove, and replaces nothing until confirmed', async () => {
    const user = userEvent.setup();
    const api = fakeApi([OPS, DATA]);
    render(<PersonaEditor api={api} />);
    await screen.findAllByTestId('persona-row');
    const imported: Persona = { ...OPS, id: 'imported', name: 'Imported Persona' };
    await user.upload(
      screen.getByLabelText('Import…'),
      definitionsFile([{ ...OPS, fitThreshold: 70 }, imported], [NO_BUDGET_RENAMED, NEW_REASON]),
    );

    const diff = await screen.findByTestId('definitions-diff');
    expect(within(diff).getByTestId('personas-added')).toHaveTextContent('Added (1): Imported Persona');
    expect(within(diff).getByTestId('personas-changed')).toHaveTextContent('Changed (1): Operations Leader');
    expect(within(diff).getByTestId('personas-removed')).toHaveTextContent('Removed (1): Data Practitioner');
    expect(within(diff).getByTestId('reasons-added')).toHaveTextContent('Added (1): Wrong region');
    expect(within(diff).getByTestId('reasons-changed')).toHaveTextContent('Changed (1): No budget this year');
    expect(within(diff).getByTestId('reasons-removed')).toHaveTextContent('Removed (1): Active project');
    expect(api.importDefinitions).not.toHaveBeenCalled();

    await user.click(within(diff).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('definitions-diff')).not.toBeInTheDocument();
    expect(api.importDefinitions).not.toHaveBeenCalled();
  });

  it('imports once confirmed, says what came in, and can undo it', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    render(<PersonaEditor api={api} />);
    await screen.findByTestId('persona-row');
    const imported: Persona = { ...OPS, id: 'imported', name: 'Imported Persona' };
    const file = definitionsFile([imported], REASONS);
    await user.upload(screen.getByLabelText('Import…'), file);
    api.listPersonas.mockResolvedValue([imported]);
    await user.click(await screen.findByRole('button', { name: 'Replace personas and reasons' }));

    expect(await screen.findByText('Imported 2 personas and 14 reasons from team.json.')).toBeInTheDocument();
    expect(api.importDefinitions).toHaveBeenCalledWith(await file.text());
    await waitFor(() => expect(screen.getAllByTestId('persona-row-name').map((n) => n.textContent)).toEqual(['Imported Persona']));

    await user.click(screen.getByRole('button', { name: 'Undo import' }));
    // The export taken just before the import goes back in.
    expect(api.importDefinitions).toHaveBeenLastCalledWith('{\n  "kind": "leadlight-definitions"\n}\n');
    expect(await screen.findByText('Import undone: the personas and reasons are back as they were.')).toBeInTheDocument();
  });

  it('shows why a bad definitions file was refused and keeps the list', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    render(<PersonaEditor api={api} />);
    await screen.findByTestId('persona-row');
    await user.upload(
      screen.getByLabelText('Import…'),
      new File(['{"kind":"something-else"}'], 'wrong.json', { type: 'application/json' }),
    );

    expect(await screen.findByRole('alert')).toHaveTextContent('This is not a Leadlight definitions file');
    expect(api.listPersonas).toHaveBeenCalledTimes(1);
    expect(screen.getAllByTestId('persona-row-name').map((n) => n.textContent)).toEqual(['Operations Leader']);
    expect(api.importDefinitions).not.toHaveBeenCalled();
  });

  it('the list and the open form with its preview have no axe violations', async () => {
    const user = userEvent.setup();
    const { container } = render(<PersonaEditor api={fakeApi()} />);
    expect(await violations(container)).toEqual([]);
    await user.click(await screen.findByRole('button', { name: 'Edit Operations Leader' }));
    await screen.findAllByTestId('persona-preview-row');
    await user.click(screen.getByRole('button', { name: 'Add rule' }));
    await user.selectOptions(within(rule(3)).getByLabelText('Kind'), 'Engagement');
    await user.clear(within(rule(1)).getByLabelText('Weight'));
    await user.click(screen.getByRole('button', { name: 'Save persona' }));
    await screen.findByRole('alert');
    expect(await violations(container)).toEqual([]);
  });
});
