const { swcJestTransform, moduleNameMapper, transformIgnorePatterns } = require('../../tools/jest/swc.cjs');

// Unit specs (src/**/*.spec.ts) and API specs (test/**/*.api-spec.ts) share one run:
// global-setup starts a fresh embedded PostgreSQL with every migration applied.
module.exports = {
  displayName: 'api',
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: swcJestTransform,
  transformIgnorePatterns,
  moduleNameMapper,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.api-spec.ts'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  // Sized for a busy 2-core machine: waits end on a state, so a long limit costs nothing when all is well.
  testTimeout: 60_000,
};
