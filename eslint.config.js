// Lint rules, including the architecture's import boundaries (renderer → contract ← electron → db).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeOnly = ['electron', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', 'exceljs', 'pdfkit', 'docx', 'node:*', 'fs', 'path', 'os', 'child_process'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', '.tsbuild/**', 'node_modules/**', 'screenshots/**', 'tests/fixtures/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/only-throw-error': 'error',
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['eslint.config.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeOnly, message: 'The renderer runs sandboxed: no Node, Electron or database modules.' },
            {
              regex: '^(\\.\\./)+db/(?!(api/contract\\.ts|shared/[A-Za-z]+\\.ts)$)',
              message: 'The renderer may import only the contract (db/api/contract.ts) and the pure helpers in db/shared/ from db/.',
            },
            { regex: '^(\\.\\./)+electron/', message: 'The renderer talks to the shell only through window.api.' },
          ],
        },
      ],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron'], message: 'db/ runs in plain Node and must not depend on Electron.' },
            { regex: '^(\\.\\./)+(electron|renderer)/', message: 'db/ imports nothing from electron/ or renderer/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(\\.\\./)+renderer/', message: 'The shell does not import renderer code.' },
            {
              regex: '^(\\.\\./)+db/(?!(core|api/contract|api/methodNames|cli/main)\\.ts$)',
              message:
                'electron/ uses db/ only through db/core.ts, the contract, db/api/methodNames.ts (the zod-free preload) and db/cli/main.ts (the CLI, which loads the core lazily).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
