// Lint rules, including the architecture's import boundaries (renderer → contract ← electron → db).
// The boundaries are checked on resolved file paths (import-x/no-restricted-paths), so a static
// import, `export … from`, `import()` and `require()` are all caught however the path is spelled;
// every import must resolve (import-x/no-unresolved), because an unresolved one would slip through.
// tests/unit/lint/boundaries.test.ts plants each forbidden import and proves lint fails on it.
import js from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Packages the renderer may import (everything else in node_modules is refused). */
const rendererPackages = ['react', 'react-dom', 'react-i18next', 'i18next', 'ag-grid-community', 'ag-grid-react', '@ag-grid-community', 'echarts'];

const zones = [
  // renderer/: sandboxed; from db/ only the contract and the pure helpers, nothing from electron/.
  {
    target: 'renderer',
    from: 'db',
    except: ['./api/contract.ts', './shared'],
    message: 'The renderer may import only the contract (db/api/contract.ts) and the pure helpers in db/shared/ from db/.',
  },
  { target: 'renderer', from: 'electron', message: 'The renderer talks to the shell only through window.api.' },
  {
    target: 'renderer',
    from: 'node_modules',
    except: rendererPackages.map((name) => `./${name}`),
    message: `The renderer runs sandboxed: of the packages it may import only ${rendererPackages.join(', ')} (no Electron, database, file or Node modules).`,
  },
  // db/: plain Node, no shell, no UI.
  {
    target: 'db',
    from: ['electron', 'renderer', 'node_modules/electron'],
    message: 'db/ runs in plain Node and imports nothing from electron/, renderer/ or Electron.',
  },
  // db/domain/: pure rules.
  {
    target: 'db/domain',
    from: 'db',
    except: ['./domain', './shared', './errors.ts'],
    message: 'db/domain/ holds pure rules: it may import only db/domain/, db/shared/ and db/errors.ts (no driver, schema, handlers, queries, writes, io, backup, crypto, session or open).',
  },
  { target: 'db/domain', from: 'node_modules', message: 'db/domain/ holds pure rules: no packages (no driver, no drizzle, no file formats).' },
  // db/shared/: pure helpers shipped to the renderer too.
  {
    target: 'db/shared',
    from: 'db',
    except: ['./shared'],
    message: 'db/shared/ is shipped to the renderer: it may import only db/shared/.',
  },
  {
    target: 'db/shared',
    from: 'node_modules',
    except: ['./echarts'],
    message: 'db/shared/ is shipped to the renderer: no packages but the ECharts types.',
  },
  // electron/: reaches db/ only through its entry points, never the renderer's code.
  {
    target: 'electron',
    from: 'db',
    except: ['./core.ts', './api/contract.ts', './api/methodNames.ts', './cli/main.ts'],
    message:
      'electron/ uses db/ only through db/core.ts, the contract, db/api/methodNames.ts (the zod-free preload) and db/cli/main.ts (the CLI, which loads the core lazily).',
  },
  { target: 'electron', from: 'renderer', message: 'The shell does not import renderer code.' },
  // The preload is bundled on its own and must stay small: no zod, no contract.
  {
    target: 'electron/preload.ts',
    from: 'db',
    except: ['./api/methodNames.ts'],
    message: 'The preload may import from db/ only db/api/methodNames.ts (zod-free).',
  },
  {
    target: 'electron/preload.ts',
    from: 'electron',
    except: ['./channels.ts'],
    message: 'The preload may import from electron/ only channels.ts (zod-free, no Node).',
  },
  { target: 'electron/preload.ts', from: 'node_modules', except: ['./electron'], message: 'The preload may import only the electron package.' },
];

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
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // Which files import-x reads to follow imports (no-cycle walks the import graph through them).
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      // Imports spell their .ts/.tsx extension; the extensions here also resolve a forgotten one.
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.node'] })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones }],
      'import-x/no-unresolved': ['error', { commonjs: true }],
    },
  },
  {
    // In the zoned folders every module path is a plain string, so the zones above can check it:
    // no import(expression), require(expression), template-literal path or `typeof import('…')`.
    files: ['renderer/**/*.{ts,tsx}', 'db/**/*.ts', 'electron/**/*.ts'],
    rules: {
      'import-x/no-dynamic-require': ['error', { esmodule: true }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportExpression > TemplateLiteral.source, CallExpression[callee.name='require'] > TemplateLiteral.arguments",
          message: 'Write the module path as a plain string so the import boundaries can check it.',
        },
        { selector: 'TSImportType', message: "Use `import type … from '…'`, which the import boundaries check." },
      ],
    },
  },
  {
    // No import circle in db/ (dynamic imports count; type-only imports do not, they vanish at runtime).
    files: ['db/**/*.ts'],
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // Node built-ins have no file path to check, so they are refused by name (import() and require() included).
    files: ['renderer/**/*.{ts,tsx}', 'db/domain/**/*.ts', 'db/shared/**/*.ts'],
    rules: { 'import-x/no-nodejs-modules': ['error'] },
  },
  {
    // db/shared/ may use ECharts' option types, never ECharts itself.
    files: ['db/shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'echarts', allowTypeImports: true, message: 'db/shared/ may use only the ECharts types (import type).' }],
          patterns: [{ group: ['echarts/*'], allowTypeImports: true, message: 'db/shared/ may use only the ECharts types (import type).' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
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
