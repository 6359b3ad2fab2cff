/** One jest run for every package; TypeScript is transformed by swc and type-checked by `tsc -b` (pretest). */
const esmPackages = ['jose', 'geokdbush', 'kdbush', 'rbush', 'quickselect', 'tinyqueue', 'point-in-polygon-hao', 'robust-predicates'];
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>'],
  testMatch: ['**/src/**/*.test.ts', '**/src/**/*.test.tsx', '<rootDir>/test/**/*.test.ts', '<rootDir>/pcf-controls/*/__tests__/**/*.test.ts?(x)'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/out/'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^@wardline/([a-z-]+)$': '<rootDir>/$1/src/index.ts',
    '^@wardline/([a-z-]+)/([a-z-]+)$': '<rootDir>/$1/src/$2/index.ts',
    '^@wardline/([a-z-]+)/([a-z-]+)/([a-z-]+)$': '<rootDir>/$1/src/$2/$3/index.ts',
  },
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/', '<rootDir>/pcf-controls/.*/out/'],
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
};
