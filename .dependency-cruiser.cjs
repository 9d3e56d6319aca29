/**
 * Which way dependencies point; `npm run lint` fails on a violation (docs/architecture.md).
 * The platform: what every feature relies on. `models` is the model registry; `ml` the pure engine;
 * `vocabulary` the plain definitions every layer shares.
 */
const PLATFORM = '(config|database|logging|metrics|jobs|storage|mail|health|backup|settings|common|request-limits|models)';

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
        'The platform serves every feature and knows none of them. Its controllers authorize with the ' +
        'authentication every route uses (the @Auth decorators and the signed-in user), nothing else of auth.',
      from: { path: `^src/${PLATFORM}/` },
      to: { path: '^src/', pathNot: [`^src/${PLATFORM}/`, '^src/ml/', '^src/vocabulary/', '^src/generated/', '^src/auth/(auth\\.decorators|auth-user)\\.ts$'] },
    },
    {
      name: 'ml-is-pure',
      severity: 'error',
      comment: 'The ML engine takes plain data: no Nest, no database, nothing of the app but where its worker script is.',
      from: { path: '^src/ml/' },
      to: { path: ['^src/(?!ml/|common/worker-script\\.ts$)', '^node_modules/(@nestjs|@prisma|pg)/'] },
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
