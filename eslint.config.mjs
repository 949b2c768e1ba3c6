import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import officeAddins from 'eslint-plugin-office-addins';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'node_modules/**', 'coverage/**', 'test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The engine is pure: no Node, no DOM, no Office.js. Hosts do the I/O.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'fs',
            'path',
            'os',
            'node:*',
            'exceljs',
            'react',
            '../excel/*',
            '../cli/*',
            '../taskpane/*',
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'Office',
        'Excel',
        'window',
        'document',
        'process',
        'require',
        'Buffer',
      ],
    },
  },
  {
    // The workbook reader is shared by the command line and the task pane: no Node, no DOM.
    files: ['src/workbook/**/*.ts'],
    languageOptions: { globals: { TextDecoder: 'readonly' } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'fs',
            'path',
            'os',
            'zlib',
            'node:*',
            'exceljs',
            'react',
            '../excel/*',
            '../cli/*',
            '../taskpane/*',
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'Office',
        'Excel',
        'window',
        'document',
        'process',
        'require',
        'Buffer',
      ],
    },
  },
  {
    files: ['src/excel/**/*.ts', 'src/taskpane/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, Office: 'readonly', Excel: 'readonly' } },
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'warn',
      'office-addins/no-empty-load': 'warn',
      'office-addins/no-navigational-load': 'warn',
      'office-addins/test-for-null-using-isNullObject': 'error',
    },
  },
  {
    files: ['src/taskpane/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
);
