// ESLint flat config (run from the project root: `npm run lint`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.cache/**',
      'test/fixtures/**/*.ts',
      'test/screenshots/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
      // Binary parsers match control characters on purpose.
      'no-control-regex': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The plain-TypeScript cores never import Lit or hls.js (docs/architecture.md).
    files: ['src/cues/**/*.ts', 'src/commerce/**/*.ts', 'src/state/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['lit', 'lit/*', '@lit/*', 'hls.js', 'hls.js/*', '**/ui/**', '**/player/**'] },
      ],
    },
  },
  {
    // Only the engine module touches hls.js, and only through the lazy loader.
    files: ['src/**/*.ts'],
    ignores: ['src/player/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['hls.js', 'hls.js/*'] }],
    },
  },
  {
    files: ['**/*.mjs', 'rollup.config.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Tests and demo scripts run in both worlds (page.evaluate callbacks run in the browser).
    files: ['test/**/*.{ts,js,mjs}', 'demo/**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.mocha } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // chai assertions read as expressions: expect(x).to.exist
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
);
