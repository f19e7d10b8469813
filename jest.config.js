// Nest 12 ships ESM only; @swc/jest compiles TypeScript and lets @nestjs through (PLATFORMS.md).
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    },
  ],
};
const moduleNameMapper = {
  '^@rounds/domain/(.*)$': '<rootDir>/libs/domain/src/$1',
  '^@rounds/test$': '<rootDir>/test/support',
  '^@rounds/sandbox$': '<rootDir>/apps/sandbox/src',
  '^@rounds/(config|database|queue|domain|platforms)$': '<rootDir>/libs/$1/src',
};
const common = {
  rootDir: __dirname,
  transform,
  moduleNameMapper,
  // canonicalize is ESM too (libs/domain/src/common/canonicalize.ts)
  transformIgnorePatterns: ['/node_modules/(?!@nestjs/|canonicalize/)'],
  testEnvironment: 'node',
};

module.exports = {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
    },
  ],
};
