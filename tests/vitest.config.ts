import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const root = fileURLToPath(new URL('..', import.meta.url));

// Three tiers, as in lib/: pure and background logic (node + fake IndexedDB),
// components and detectors in a DOM, and the built extension in real Chromium.
export default defineConfig({
  root,
  plugins: [WxtVitest({ root })],
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'], setupFiles: ['tests/support/setup-unit.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['tests/dom/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/support/setup-dom.ts'],
          // Typing into the 400-zone picker or rendering a 300-row report takes 1-2 s in happy-dom;
          // on a shared two-core runner that passed 5 s. These tests assert behaviour, never time.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          sequence: { groupOrder: 0 },
          include: ['tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          // A real browser on a busy 2-core CI machine: give polled UI states time to settle.
          expect: { poll: { timeout: 10_000, interval: 50 } },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The Firefox package in Firefox ESR over WebDriver BiDi; runs after the Chromium project, never beside it.
        extends: true,
        test: {
          name: 'e2e-firefox',
          environment: 'node',
          include: ['tests/e2e-firefox/**/*.test.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          expect: { poll: { timeout: 10_000, interval: 50 } },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Figures, not pass/fail: run by `npm run bench` only.
        extends: true,
        test: {
          name: 'bench',
          environment: 'node',
          include: ['tests/bench/**/*.bench.ts'],
          fileParallelism: false,
          testTimeout: 600_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
