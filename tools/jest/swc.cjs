// One SWC set-up for every jest project that runs on Node (domain, api):
// decorators with metadata for Nest/TypeORM, and the tsconfig path alias for the domain library.
const path = require('node:path');

const root = path.resolve(__dirname, '../..');

const swcJestTransform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
      sourceMaps: 'inline',
    },
  ],
  // ESM-only packages that tests import (see transformIgnorePatterns) are compiled to CommonJS too.
  '^.+\\.js$': ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
};

const transformIgnorePatterns = ['/node_modules/(?!(@apidevtools|ical\.js|pg-boss|serialize-error|non-error|rrule-temporal|temporal-spec)/)'];

const moduleNameMapper = {
  '^@digihjalpen/domain$': path.join(root, 'libs/domain/src/index.ts'),
  '^@digihjalpen/domain/testing$': path.join(root, 'libs/domain/src/testing.ts'),
};

module.exports = { swcJestTransform, moduleNameMapper, transformIgnorePatterns };
