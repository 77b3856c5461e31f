import { z } from 'zod';
import { defineBackground } from 'wxt/utils/define-background';
import { LeadlightDb } from '@/lib/db/database';
import { ensureSeeded } from '@/lib/db/ensure-seeded';
import { generateDemoData } from '@/lib/demo/demo-data';
import { createHandlers, DEMO_SOURCE_NAME } from '@/lib/messaging/handlers';
import { registerHandlers } from '@/lib/messaging/register-handlers';
import { registerLookupMenu } from '@/lib/background/lookup-menu';
import { registerToggleCommand } from '@/lib/background/toggle-command';

export default defineBackground(() => {
  // Extension CSP forbids eval; jitless keeps zod from even probing for it.
  z.config({ jitless: true });
  const db = new LeadlightDb();
  const ready = ensureSeeded(db, generateDemoData, DEMO_SOURCE_NAME).catch((error: unknown) => {
    console.error('Leadlight could not load demo data', error);
  });
  registerHandlers(createHandlers({ db, loadDemoData: generateDemoData }), ready);
  registerLookupMenu();
  registerToggleCommand();
});
