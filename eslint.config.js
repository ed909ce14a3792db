// Lint rules that keep the layers of docs/design.md visible: shared/ is pure, the renderer never touches
// electron, main never imports the renderer.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'stream', 'url', 'util', 'events', 'worker_threads'];
const nodeBuiltinPatterns = ['node:*', ...nodeBuiltins, ...nodeBuiltins.map((name) => `${name}/*`)];

// The renderer's import rules, composed per kind of file: a later block replaces the rule for the
// files it matches, so each block lists everything that holds there.
const rendererBase = [
  { group: nodeBuiltinPatterns, message: 'The renderer runs in a sandbox: no Node built-ins.' },
  { group: ['**/electron/**'], message: 'The renderer never imports the main process.' },
];
/** Screens and their components read and write through repositories, never the database itself. */
const noDatabaseInScreens = {
  group: ['**/db/db', '**/db/schema'],
  message: 'Screens read and write through a repository (a *Repo.ts module), not the database.',
};
/** What every feature shares sits below the features and never reaches up into one. */
const noFeatureInShared = {
  group: ['**/features/**'],
  message: 'Shared renderer code (components, bridge, db, export) never imports a feature.',
};
/** The tables that travel between laptops (shared/sync/syncedTables.ts) and the Dexie calls that write. */
const syncedTables = '/^(enterprises|visits|problems|projects|progressEntries|policies|attachments|planActions)$/';
const writeMethods = '/^(put|bulkPut|add|bulkAdd|update|bulkUpdate|upsert|delete|bulkDelete|clear)$/';
const rendererImports = (patterns, extraPaths = []) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: [{ name: 'electron', message: 'The renderer reaches the OS only through window.api.' }, ...extraPaths],
      patterns: [...rendererBase, ...patterns],
    },
  ],
});
const noDexieInScreens = { name: 'dexie', message: 'Screens read and write through a repository (a *Repo.ts module), not Dexie.' };

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.e2e-profiles/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'react-dom', 'dexie', 'dexie-react-hooks', 'antd'],
          patterns: [
            { group: nodeBuiltinPatterns, message: 'shared/ is pure: no Node built-ins.' },
            { group: ['**/renderer/**', '**/electron/**'], message: 'shared/ imports nothing of the app layers.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer reaches the OS only through window.api.' }],
          patterns: [
            { group: nodeBuiltinPatterns, message: 'The renderer runs in a sandbox: no Node built-ins.' },
            { group: ['**/electron/**'], message: 'The renderer never imports the main process.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.tsx'],
    ignores: ['renderer/src/main.tsx'], // the entry point opens the database before the first screen
    rules: rendererImports([noDatabaseInScreens], [noDexieInScreens]),
  },
  {
    files: ['renderer/src/{components,bridge,db,export}/**/*.ts'],
    rules: rendererImports([noFeatureInShared]),
  },
  {
    files: ['renderer/src/{components,bridge,db,export}/**/*.tsx'],
    rules: rendererImports([noFeatureInShared, noDatabaseInScreens], [noDexieInScreens]),
  },
  {
    // Every write to a synced table goes through the one write path, which stamps, versions, checks
    // and numbers it (docs/design.md, "One write path"). Local bookkeeping tables (drafts, settings,
    // syncState, conflicts) are written directly by their repositories.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: [
      'renderer/src/db/ledgerWrites.ts', // the write path itself
      'renderer/src/db/schema.ts', // upgrade steps move data before any write path exists
      'renderer/src/features/demo/demoDataRepo.ts', // erases generated demo records, which never travel
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `CallExpression[callee.property.name=${writeMethods}][callee.object.property.name=${syncedTables}]`,
          message: 'Write synced tables through writeTransaction (renderer/src/db/ledgerWrites.ts), which stamps and versions every record.',
        },
        {
          selector: `CallExpression[callee.property.name=${writeMethods}][callee.object.callee.property.name='table']`,
          message: 'Write synced tables through writeTransaction (renderer/src/db/ledgerWrites.ts), which stamps and versions every record.',
        },
        {
          selector: "CallExpression[callee.property.name='modify']",
          message: 'Collection.modify bypasses the write path: read the records and save them through writeTransaction.',
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'Main never imports the renderer.' }] },
      ],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs,ts}', 'test/**/*.{ts,tsx}', '*.config.{js,ts}', 'vite.config.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
