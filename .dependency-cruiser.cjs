/**
 * Which way dependencies point; `npm run lint` fails on a violation (docs/architecture.md).
 * src/platform: what every feature relies on; src/features: the product; src/ml the pure engine;
 * src/vocabulary the plain definitions every layer shares.
 */

/**
 * What a feature offers the others: its Nest module, the services it exports, the DTOs and its public
 * types (the shapes and constants its services answer or take). Any other file of a feature is its
 * own (feature-public-surface). A plain helper several features use belongs in src/platform/common
 * or src/vocabulary, not here (docs/architecture.md).
 */
const PUBLIC_FILES = {
  analytics: ['analytics.module', 'demo/demo-analytics.service', 'jobs/analytics-scoring.jobs'],
  auth: ['auth.module', 'accounts.service', 'dto/user.dto'],
  catalog: ['catalog.module', 'artists/artists.service', 'artists/new-artist', 'demo/demo-catalog.service', 'dto/catalog-song.dto', 'visibility'],
  dataset: [
    'songs.module',
    'songs.service',
    'dataset-version',
    'import/song-import.service',
    'demo/demo-songs.service',
    'demo/demo-mark',
    'dto/song.dto',
    'dto/song-search.dto',
    'dto/audio-feature.decorator',
  ],
  genre: ['genre.module', 'genre-predictor.service', 'genre-model'],
  'hit-prediction': ['predictions.module', 'prediction-history.service', 'model/hit-model.module', 'model/hit-predictor.service', 'model/hit-features'],
  leads: ['leads.module', 'demo/demo-leads.service'],
  spotify: ['spotify.module', 'spotify-client', 'spotify-track', 'spotify-artist', 'spotify-album', 'spotify-album-summary'],
  subscriptions: [
    'subscriptions.module',
    'listener-plan.service',
    'provider-billing.service',
    'plans',
    'provider/payment-provider',
    'provider/stripe-billing',
    'provider/stripe-payment.provider',
  ],
};
const publicFilePaths = Object.entries(PUBLIC_FILES).flatMap(([feature, files]) =>
  files.map((file) => `^src/features/${feature}/${file.replaceAll('.', '\\.')}\\.ts$`),
);

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
      name: 'feature-public-surface',
      severity: 'error',
      comment:
        'A feature reaches another only through what that feature offers (PUBLIC_FILES above: its module, ' +
        'exported services, DTOs, public types), never its other files.',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/', pathNot: ['^src/features/$1/', ...publicFilePaths] },
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
