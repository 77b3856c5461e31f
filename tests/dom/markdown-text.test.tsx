import { readFileSync } from 'node:fs';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MarkdownText } from '@/components/privacy/markdown-text';

describe('MarkdownText', () => {
  it('renders the privacy notice with its headings and lists', () => {
    render(<MarkdownText source={readFileSync('PRIVACY.md', 'utf8')} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Leadlight privacy notice');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'What Leadlight reads, and where',
      'What Leadlight stores in your browser',
      'What Leadlight sends, and to whom',
      'How to delete it all',
      'Questions',
    ]);
    expect(screen.getByText('Settings → Delete all local data').tagName).toBe('STRONG');
  });

  it('keeps markup in the text as text', () => {
    const { container } = render(<MarkdownText source={'# Title\n\n- <img src=x onerror="alert(1)"> and `<b>code</b>`'} />);
    expect(container.querySelector('img, b')).toBeNull();
    expect(container.querySelector('li')?.textContent).toBe('<img src=x onerror="alert(1)"> and <b>code</b>');
  });
});
