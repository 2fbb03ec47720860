// Lint for src/, tests/, scripts/ and bench/ (`npm run lint`).
// Type-aware (typescript-eslint's project service reads tsconfig.json), with
// two kinds of architectural rules on top of the usual ones:
//   - no import cycles (import-x/no-cycle; type-only imports do not count);
//   - no import against the pipeline io → validate → model → risk → report → render,
//     with cli on top (import-x/no-restricted-paths, one zone per forbidden arrow).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/** Arrows that run against the pipeline; each is one `no-restricted-paths` zone. */
const zone = (target, from, why) => ({ target, from, message: ` ${why}` });
const CLI_ON_TOP = zone(['./src/!(cli)/**', './src/*.ts'], './src/cli/**', 'cli is the top layer: nothing below it imports it.');
const LAYERS = {
  io: zone('./src/io/**', './src/validate/**', 'io reads files; validate checks what io read (io → validate, not back).'),
  validate: zone('./src/validate/**', './src/model/**', 'validate checks inputs before the model runs (validate → model, not back).'),
  model: zone('./src/model/**', './src/risk/**', 'the model is the plain run; risk builds on it (model → risk, not back).'),
  schema: zone('./src/schema/**', './src/shocks/**', 'schema is the vocabulary the shocks are written in (shocks → schema, not back).'),
  render: zone('./src/render/**', './src/model/**', 'render draws report specs; it does not run or read the model.'),
};
/** The report builders: render gets their specs passed in (type imports stay allowed). */
const REPORT_BUILDERS = ['**/report/dossier.js', '**/report/tables.js', '**/report/key-figures.js', '**/report/parameters.js'];

/** One `no-restricted-paths` setting per folder, so that each layer rule can have its own severity. */
const layerRule = (folder, severity) => ({
  files: [`src/${folder}/**/*.ts`],
  rules: { 'import-x/no-restricted-paths': [severity, { zones: [LAYERS[folder], CLI_ON_TOP] }] },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'reports/**', 'coverage/**', 'tests/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js', 'bin/*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      // Promises: an un-awaited write or render loses its error and races the exit code.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        // `import('…').T` stays allowed: it types a lazily imported module without loading it.
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: [CLI_ON_TOP] }],
    },
  },
  layerRule('io', 'warn'), // TODO: error once io/load-run-inputs.ts → validate/cross-checks.ts is gone
  layerRule('validate', 'error'),
  layerRule('model', 'warn'), // TODO: error once model/run.ts → risk/stress-run.ts is gone
  layerRule('schema', 'error'),
  layerRule('render', 'warn'), // TODO: error once render/packet.ts and render/summary.ts → model/results.ts are gone
  {
    files: ['src/render/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'warn', // TODO: error once render/packet.ts (buildDossier, buildTables, …) and render/summary.ts (keyFigures) are gone
        { patterns: [{ group: REPORT_BUILDERS, allowTypeImports: true, message: 'render draws specs; build them in report/ and pass them in.' }] },
      ],
    },
  },
  {
    // TODO: error once the cycles model/run.ts ↔ risk/stress-run.ts and cli run.ts ↔ run-execute.ts ↔ risk.ts are gone
    files: ['src/model/run.ts', 'src/risk/stress-run.ts', 'src/cli/commands/{run,run-execute,risk}.ts'],
    rules: { 'import-x/no-cycle': ['warn', { ignoreExternal: true }] },
  },
  {
    // Reference values are copied with all the digits their source prints (Excel, published tables).
    files: ['tests/**/*.ts'],
    rules: { 'no-loss-of-precision': 'off' },
  },
  {
    // Plain JavaScript (this file, bin/): no type information.
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
