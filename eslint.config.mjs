// The JavaScript linter (tests/test_lint.py runs it with Prettier's format check); pinned in package-lock.json.
import js from '@eslint/js';
import globals from 'globals';

export default [
  js.configs.recommended,
  {
    files: ['widget/**/*.js'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      // VERSION, SHELL_EN and LANGUAGES are compiled in by build.py (esbuild --define).
      globals: { ...globals.browser, VERSION: 'readonly', SHELL_EN: 'readonly', LANGUAGES: 'readonly' },
    },
    rules: {
      // `catch {}` around storage and URL parsing is the point: a blocked or broken storage is not an error.
      'no-empty': ['error', { allowEmptyCatch: true }],
      // No eqeqeq: `==` between a typeof or a string and a string literal cannot coerce, and it is a byte
      // shorter in files with a byte budget.
      'no-var': 'error',
      'prefer-const': 'error',
    },
  },
  {
    files: ['tests/support/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
  },
  {
    files: ['bench/*.mjs'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node } },
  },
];
