const { createCjsPreset } = require('jest-preset-angular/presets');
const path = require('node:path');

module.exports = {
  ...createCjsPreset({ tsconfig: '<rootDir>/tsconfig.spec.json' }),
  displayName: 'web',
  rootDir: __dirname,
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  // Transloco's helper package ships ESM in .js files; let the preset compile it like the .mjs files.
  transformIgnorePatterns: ['node_modules/(?!(@jsverse/|.*\\.mjs$))'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  moduleNameMapper: {
    '^@digihjalpen/domain$': path.resolve(__dirname, '../../libs/domain/src/index.ts'),
    '^@digihjalpen/domain/testing$': path.resolve(__dirname, '../../libs/domain/src/testing.ts'),
  },
};
