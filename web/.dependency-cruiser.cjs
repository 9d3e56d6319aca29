/** The web app's one rule (docs/web-app.md, "Where the code is"): shared code never imports a feature; only the shell (app.tsx) mounts the features' pages. */
module.exports = {
  forbidden: [
    {
      name: 'web-shared-not-to-features',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/features/', '^src/app\\.tsx$'] },
      to: { path: '^src/features/' },
    },
    { name: 'web-no-cycles', severity: 'error', from: { path: '^src/' }, to: { circular: true, dependencyTypesNot: ['type-only'] } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: './tsconfig.json' },
  },
};
