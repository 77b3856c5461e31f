// Lint rules that catch what review misses: type-aware promise rules (the extension's messaging
// makes a forgotten await easy to miss), React's hooks rules, and TypeScript's recommended set.
// Formatting is Prettier's job, so eslint-config-prettier turns off every style rule.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'tests/fixtures/', 'tests/bench/results/', 'demo-screenshots/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // The two browser finders have .d.mts twins, which keep them out of the TypeScript program.
        projectService: { allowDefaultProject: ['eslint.config.js', 'tests/support/chromium.mjs', 'tests/support/firefox.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The two hooks rules React documents; the React Compiler's extra rules assume the compiler, which Leadlight does not use.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // Fakes and adapters implement async interfaces with synchronous bodies on purpose.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Node scripts (demo, CI helpers, configs) run outside the extension.
    files: ['**/*.mjs', '*.js', '*.config.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    // Plain JavaScript has no annotations, so every value from an untyped call is `any`: the
    // no-unsafe-* family would flag each use. The promise rules stay on for these files.
    files: ['**/*.mjs', '*.js'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // vitest's asymmetric matchers (expect.any, stringContaining, objectContaining) and mock.calls
    // are typed `any`, so every expectation that uses them would be flagged.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off', '@typescript-eslint/no-unsafe-return': 'off' },
  },
  {
    // The demo's page.evaluate callbacks run in the browser.
    files: ['tests/demo/*.mjs'],
    languageOptions: { globals: globals.browser },
  },
  prettier,
);
