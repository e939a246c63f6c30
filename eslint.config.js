import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'coverage', 'test-results', '**/*.generated.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': 'error',
    },
  },
  {
    // shared/ is pure domain logic used by renderer and server: no I/O, no reaching across.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/sync-server/**', '**/renderer/**', '**/electron/**', 'node:*', 'fs', 'pg'] }],
    },
  },
  {
    // electron/: only the composition root and the preload load Electron (and the native serial
    // binding) at runtime; every other module takes them injected, so the unit tests run in Node.
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'electron-updater', 'serialport'].map((name) => ({
            name,
            allowTypeImports: true,
            message: 'Runtime Electron APIs come in through ElectronApi (electron/electron-api.ts); import types only.',
          })),
          patterns: [{ group: ['**/renderer/**', '**/sync-server/**'], message: 'electron/ depends on shared/ only.' }],
        },
      ],
    },
  },
);
