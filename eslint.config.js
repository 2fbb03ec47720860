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
/**
 * The report builders, which turn RunResults into specs: render is given the specs
 * and never calls these (type imports stay allowed; so do spec accessors such as
 * dossierCharts, which lists the charts of a built dossier).
 */
const REPORT_BUILDERS = [
  { group: ['**/report/dossier.js'], importNames: ['buildDossier', 'inputsTable', 'keyFiguresTable'] },
  { group: ['**/report/packet.js'], importNames: ['buildPacket', 'buildDossiers', 'packetTables'] },
  { group: ['**/report/tables.js', '**/report/key-figures.js', '**/report/parameters.js', '**/report/summary.js', '**/report/summaries/*'] },
];

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
        projectService: { allowDefaultProject: ['eslint.config.js', 'bin/*.js', 'bench/*.mjs'] },
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
  {
    // Plain Node scripts (bench A/B helpers): Node's globals.
    files: ['bench/*.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', performance: 'readonly', URL: 'readonly' } },
  },
  layerRule('io', 'error'),
  layerRule('validate', 'error'),
  layerRule('model', 'error'),
  layerRule('schema', 'error'),
  layerRule('render', 'error'),
  {
    files: ['src/render/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: REPORT_BUILDERS.map((p) => ({ ...p, allowTypeImports: true, message: 'render draws specs; build them in report/ and pass them in.' })) },
      ],
    },
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
