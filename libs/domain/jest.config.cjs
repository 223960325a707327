const { swcJestTransform } = require('../../tools/jest/swc.cjs');

module.exports = {
  displayName: 'domain',
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: swcJestTransform,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
