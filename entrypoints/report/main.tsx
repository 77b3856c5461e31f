import '@/components/styles.css';
import { createRoot } from 'react-dom/client';
import { ReportApp } from '@/components/report/report-app';
import { createPageClient } from '@/lib/messaging/page-client';

createRoot(document.getElementById('root')!).render(<ReportApp api={createPageClient()} />);
