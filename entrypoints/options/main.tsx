import '@/components/styles.css';
import { createRoot } from 'react-dom/client';
import { OptionsApp } from '@/components/options/options-app';
import { createPageClient } from '@/lib/messaging/page-client';

createRoot(document.getElementById('root')!).render(<OptionsApp api={createPageClient()} />);
