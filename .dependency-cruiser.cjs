/**
 * Which way dependencies point; `npm run lint` fails on a violation (docs/architecture.md).
 * src/platform: what every feature relies on; src/features: the product; src/ml the pure engine;
 * src/vocabulary the plain definitions every layer shares.
 */

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Files that import each other at run time cannot be understood, tested or started apart.',
      from: { path: '^src/' },
      to: { circular: true, dependencyTypesNot: ['type-only'], viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'platform-not-to-features',
      severity: 'error',
      comment:
        'The platform serves every feature and knows none of them. The authentication every route uses ' +
        "(the @Auth decorators and the signed-in user) is the platform's too (src/platform/auth).",
      from: { path: '^src/platform/' },
      to: {
        path: '^src/',
        pathNot: ['^src/platform/', '^src/ml/', '^src/vocabulary/', '^src/generated/'],
      },
    },
    {
      name: 'ml-is-pure',
      severity: 'error',
      comment: 'The ML engine takes plain data: no Nest, no database, nothing of the app but where its worker script is.',
      from: { path: '^src/ml/' },
      to: { path: ['^src/(?!ml/|platform/common/worker-script\\.ts$)', '^node_modules/(@nestjs|@prisma|pg)/'] },
    },
    {
      name: 'vocabulary-is-pure',
      severity: 'error',
      comment: 'The shared vocabulary (audio features) is plain data the web app imports too: it imports nothing.',
      from: { path: '^src/vocabulary/' },
      to: { path: ['^src/(?!vocabulary/)', '^node_modules/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/generated/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
  },
};
