import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import prettier from 'eslint-config-prettier';

/** Lint rules: Next's recommended sets, strict on `any`, quiet on formatting (Prettier owns it). */
const config = [
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      'public/**',
      'next-env.d.ts',
      'data/**',
      '.e2e-data/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
    ],
  },
  ...nextVitals,
  ...nextTs,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Import direction (DESIGN.md): scoring imports nothing of ours; protocol only scoring;
    // client never server/ui; server never client/ui.
    files: ['packages/scoring/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['@courtsync/*'] }] },
  },
  {
    files: ['packages/protocol/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@courtsync/client', '@courtsync/ui', '@courtsync/server'] },
      ],
    },
  },
  {
    files: ['packages/client/**', 'worker/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@courtsync/ui', '@courtsync/server'] }],
    },
  },
  {
    files: ['packages/ui/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['@courtsync/server'] }] },
  },
  {
    files: ['packages/server/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@courtsync/client', '@courtsync/ui'] }],
    },
  },
];

export default config;
