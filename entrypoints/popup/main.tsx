import '@/components/styles.css';
import { createRoot } from 'react-dom/client';
import { PopupApp } from '@/components/popup/popup-app';
import { createPageClient } from '@/lib/messaging/page-client';

createRoot(document.getElementById('root')!).render(<PopupApp api={createPageClient()} />);
