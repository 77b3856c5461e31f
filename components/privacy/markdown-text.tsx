import type { ReactNode } from 'react';

/**
 * Renders the plain Markdown Leadlight writes for its own notices (headings, paragraphs, bullet
 * lists, **bold**, `code`) as React elements, never as HTML: no innerHTML, whatever the text says.
 */
export function MarkdownText({ source }: { source: string }) {
  return <>{blocks(source).map(renderBlock)}</>;
}

type Block = { kind: 'h1' | 'h2' | 'p'; text: string } | { kind: 'ul'; items: string[] };

function blocks(source: string): Block[] {
  const out: Block[] = [];
  for (const chunk of source.split(/\n\s*\n/)) {
    const lines = chunk.trim().split('\n');
    if (!lines[0]) continue;
    if (lines[0].startsWith('## ')) out.push({ kind: 'h2', text: lines[0].slice(3) });
    else if (lines[0].startsWith('# ')) out.push({ kind: 'h1', text: lines[0].slice(2) });
    else if (lines[0].startsWith('- ')) out.push({ kind: 'ul', items: lines.map((l) => l.replace(/^- /, '')) });
    else out.push({ kind: 'p', text: lines.join(' ') });
  }
  return out;
}

function renderBlock(block: Block, i: number): ReactNode {
  switch (block.kind) {
    case 'h1':
      return (
        <h1 key={i} className="text-2xl font-semibold">
          {inline(block.text)}
        </h1>
      );
    case 'h2':
      return (
        <h2 key={i} className="mt-6 text-lg font-semibold">
          {inline(block.text)}
        </h2>
      );
    case 'ul':
      return (
        <ul key={i} className="mt-2 list-disc space-y-1 pl-6 text-sm">
          {block.items.map((item, j) => (
            <li key={j}>{inline(item)}</li>
          ))}
        </ul>
      );
    default:
      return (
        <p key={i} className="mt-2 text-sm">
          {inline(block.text)}
        </p>
      );
  }
}

/** **bold** and `code` spans; everything else is text. */
function inline(text: string): ReactNode[] {
  return text.split(/(\*\*[^*]+\*\*|`[^`]+`)/).map((part, i) => {
    if (part.startsWith('**') && part.endsWith('**')) return <strong key={i}>{part.slice(2, -2)}</strong>;
    if (part.startsWith('`') && part.endsWith('`')) return <code key={i}>{part.slice(1, -1)}</code>;
    return part;
  });
}
