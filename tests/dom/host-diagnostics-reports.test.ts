import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HostModule } from '@/lib/hosts/host-module';

const sent = vi.hoisted(() => [] as { type: string; data: { recordFound: boolean; contactCount: number } }[]);
vi.mock('@/lib/messaging/protocol', () => ({
  sendMessage: (type: string, data: { recordFound: boolean; contactCount: number }) => {
    sent.push({ type, data });
    return Promise.resolve();
  },
}));
vi.mock('@/lib/hosts/when-idle', () => ({ whenIdle: (run: () => void) => run() }));

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A host whose page names its record and people in two attributes. */
const host: HostModule = {
  id: 'test-host',
  label: 'Test host',
  matches: ['https://host.example/*'],
  selectors: { record: { selector: '#record', why: 'the record' } },
  detect: (doc) => {
    const el = doc.getElementById('record');
    const people = el?.dataset.people ? el.dataset.people.split(',') : [];
    return { recordId: el?.dataset.id ?? null, participants: people.map((email) => ({ email })) };
  },
};

describe('the selector report from a host page', () => {
  const controller = new AbortController();
  afterEach(() => controller.abort());

  it('is sent for the first view and each change of kind, not for every record of the same kind', async () => {
    const { startHostWatch } = await import('@/lib/hosts/start-host-watch');
    const { createDetectionStore } = await import('@/lib/hosts/detection-store');
    document.body.innerHTML = '<main></main>';
    startHostWatch(host, createDetectionStore(), controller.signal);
    const show = async (html: string) => {
      document.querySelector('main')!.innerHTML = html;
      await tick(80);
    };
    for (const id of ['1', '2', '3']) await show(`<div id="record" data-id="${id}" data-people="p${id}@x.example"></div>`);
    await show('');
    const reports = sent.filter((m) => m.type === 'reportHostDiagnostics').map((m) => [m.data.recordFound, m.data.contactCount]);
    expect(reports).toEqual([
      [false, 0],
      [true, 1],
      [false, 0],
    ]);
  });
});
