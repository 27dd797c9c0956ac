/** One lint configuration for the whole repository: TypeScript everywhere, Svelte in the portal. */
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './portal/svelte.config.js';

export default defineConfig(
  { ignores: ['**/node_modules/', '**/build/', '**/.svelte-kit/', '**/cdk.out/', '**/.data/', '**/coverage/', '**/dist/'] },
  js.configs.recommended,
  ts.configs.recommended,
  svelte.configs.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  { files: ['portal/**'], languageOptions: { globals: { ...globals.browser } } },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'], svelteConfig } },
    // svelte-check resolves names with TypeScript, including SvelteKit's ambient `App` namespace, which no-undef cannot see.
    rules: { 'no-undef': 'off' },
  },
  {
    rules: {
      // Leaving a field out by destructuring it into `_name` is how the code drops keys; tsc reports other unused names.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // The portal is served at the root with no base path, so its links are plain paths and query strings.
      'svelte/no-navigation-without-resolve': 'off',
      // `{' '}` is how a space between inline elements is kept where a line break falls.
      'svelte/no-useless-mustaches': 'off',
    },
  },
  {
    // CDK assertions read CloudFormation as untyped JSON.
    files: ['infra/**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
