import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'src/generated/', 'web/dist/', 'coverage/', 'data/', 'models/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  // The web app runs in the browser.
  { files: ['web/src/**'], languageOptions: { globals: { ...globals.browser } } },
  // Benchmarks print their figures.
  { files: ['bench/**'], rules: { 'no-console': 'off' } },
);
