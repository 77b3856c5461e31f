import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { feedJsonSchema } from '@/lib/connectors/feed/feed-schema';

describe('README feed schema', () => {
  it('is the JSON Schema generated from the feed model', () => {
    const path = new URL('../../README.md', import.meta.url);
    let readme = readFileSync(path, 'utf8');
    if (process.env.UPDATE_FEED_SCHEMA) {
      const generated = `<!-- feed-schema:start -->\n\`\`\`json\n${JSON.stringify(feedJsonSchema(), null, 2)}\n\`\`\`\n<!-- feed-schema:end -->`;
      readme = readme.replace(/<!-- feed-schema:start -->[\s\S]*?<!-- feed-schema:end -->/, generated);
      writeFileSync(path, readme);
    }
    const block = /<!-- feed-schema:start -->\s*```json\n([\s\S]*?)```\s*<!-- feed-schema:end -->/.exec(readme)?.[1];
    expect(block, 'README has a feed-schema block').toBeDefined();
    // Regenerate with: npm run docs:feed-schema
    expect(JSON.parse(block!)).toEqual(feedJsonSchema());
  });
});
