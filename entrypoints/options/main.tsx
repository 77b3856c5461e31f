import '@/components/styles.css';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { OptionsApp } from '@/components/options/options-app';
import { createPageClient } from '@/lib/messaging/page-client';

// The persona editor validates drafts with zod; extension CSP forbids eval, so no JIT.
z.config({ jitless: true });
createRoot(document.getElementById('root')!).render(<OptionsApp api={createPageClient()} />);
