import '@/components/styles.css';
import { createRoot } from 'react-dom/client';
import { MarkdownText } from '@/components/privacy/markdown-text';
// One text for the repository and the extension: PRIVACY.md is bundled as it is written.
import privacy from '../../PRIVACY.md?raw';

createRoot(document.getElementById('root')!).render(
  <main className="mx-auto max-w-3xl p-6 text-slate-900 dark:text-slate-100">
    <MarkdownText source={privacy} />
  </main>,
);
