import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/node_modules', '**/tmp', '**/.data', '**/.nx', '**/*.cjs', '**/*.mjs'] },
  {
    files: ['**/*.ts'],
    rules: {
      // Real tags (STYLE.md): the web app never reaches into the API, the domain stays framework-free.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', '@angular/*', 'rxjs', 'express', 'pg'],
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  ...nx.configs['flat/angular'].map((config) => ({ ...config, files: ['apps/web/**/*.ts'] })),
  ...nx.configs['flat/angular-template'].map((config) => ({ ...config, files: ['apps/web/**/*.html'] })),
  {
    files: ['apps/web/**/*.ts'],
    rules: {
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'dh', style: 'camelCase' }],
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'dh', style: 'kebab-case' }],
    },
  },
  {
    files: ['apps/web/**/*.html'],
    rules: {
      '@angular-eslint/template/prefer-control-flow': 'error',
    },
  },
  {
    // One clock (README, "Time"): the API reads "now" only through currentTime(), and SQL never reads the
    // database's clock; a time goes into a statement as a parameter. Migrations may keep column defaults.
    // Tests may read the wall clock to wait (deadlines) and to make unique names, never for data.
    files: ['apps/api/src/**/*.ts', 'apps/api/test/**/*.ts', 'libs/domain/src/**/*.ts'],
    ignores: ['apps/api/src/common/clock.ts', 'apps/api/src/database/migrations/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'TemplateElement[value.raw=/\\b(now\\(\\)|current_date|current_timestamp|localtimestamp|clock_timestamp|statement_timestamp|transaction_timestamp)/i]', message: "SQL must not read the database's clock: pass currentTime() as a parameter." },
        { selector: 'Literal[value=/\\b(now\\(\\)|current_date|current_timestamp|localtimestamp|clock_timestamp|statement_timestamp|transaction_timestamp)/i]', message: "SQL must not read the database's clock: pass currentTime() as a parameter." },
      ],
    },
  },
  {
    files: ['apps/api/src/**/*.ts', 'libs/domain/src/**/*.ts'],
    ignores: ['apps/api/src/common/clock.ts', 'apps/api/src/database/migrations/**', '**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Use currentTime() (apps/api/src/common/clock.ts): one clock for code, SQL and tests.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Use currentTime() (apps/api/src/common/clock.ts): one clock for code, SQL and tests.' },
        { selector: 'TemplateElement[value.raw=/\\b(now\\(\\)|current_date|current_timestamp|localtimestamp|clock_timestamp|statement_timestamp|transaction_timestamp)/i]', message: "SQL must not read the database's clock: pass currentTime() as a parameter." },
        { selector: 'Literal[value=/\\b(now\\(\\)|current_date|current_timestamp|localtimestamp|clock_timestamp|statement_timestamp|transaction_timestamp)/i]', message: "SQL must not read the database's clock: pass currentTime() as a parameter." },
      ],
    },
  },
  {
    // Migrations are generated; the migration list is typed loosely on purpose.
    files: ['apps/api/src/database/migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-function-type': 'off' },
  },
];
