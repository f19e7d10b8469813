// Nest 12, openid-client and oidc-provider ship ESM only; @swc/jest compiles TypeScript and lets
// them through (PLATFORMS.md).
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
  // ESM-only packages: canonicalize (libs/domain/src/common/canonicalize.ts) and the OIDC stack
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|canonicalize|openid-client|oauth4webapi|jose|oidc-provider)/)',
  ],
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
