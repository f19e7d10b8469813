// The architecture `npm run lint` keeps (eslint-plugin-boundaries; imports resolved the way tsc
// resolves them, @rounds/* paths included, by scripts/lint/ts-paths-resolver.cjs):
// - an app (api, worker, sandbox) imports libraries, never another app; it reaches the domain
//   through `@rounds/domain` alone;
// - the dashboard imports nothing outside apps/dashboard: the role table and the allowed actions
//   come from the API (`GET /me`, the post's detail);
// - a domain feature (libs/domain/src/<feature>) imports another only through its index.ts, and
//   only the features FEATURES lets it, a table that must stay free of cycles (checked below);
// - libs/platforms, libs/config and libs/queue know no domain; libs/database only its entity list.
// Tests, specs and benchmarks may reach anything they set up or measure.
import boundaries from 'eslint-plugin-boundaries';

const resolver = `${import.meta.dirname}/scripts/lint/ts-paths-resolver.cjs`;

/**
 * What each feature may import, through its index.ts, lowest layer first. A `*` marks a pair
 * whose imports still reach inside the other feature (every cross-feature import did when the
 * rule came in: 412 lines in 90 files): allowed until moved to the index, then the `*` goes.
 */
const FEATURES = {
  common: [],
  crypto: [],
  mail: [],
  'read-versions': [],
  audit: ['*common'],
  lifecycle: ['*audit', '*common'],
  notifications: ['*common', '*mail', '*push'],
  identity: ['*audit', '*common', '*crypto', '*mail', 'read-versions'],
  push: ['*identity'],
  organizations: ['*audit', '*common', '*identity', '*lifecycle'],
  compliance: ['*audit', '*common', '*identity', '*lifecycle', '*organizations'],
  feedback: ['*compliance', 'audit', 'common', 'identity'],
  media: ['*audit', '*common', '*identity'],
  channels: ['*audit', '*common', '*crypto', '*identity', '*lifecycle', '*notifications'],
  metrics: ['*channels', '*common'],
  links: ['channels', 'common', 'identity'],
  posts: [
    '*audit',
    '*channels',
    '*common',
    '*compliance',
    '*identity',
    '*lifecycle',
    'links',
    '*media',
    '*notifications',
    '*organizations',
  ],
  approvals: [
    '*audit',
    '*channels',
    '*common',
    '*compliance',
    '*identity',
    '*lifecycle',
    'links',
    '*notifications',
    '*organizations',
    '*posts',
  ],
  publishing: [
    '*audit',
    '*channels',
    '*common',
    '*lifecycle',
    '*media',
    '*metrics',
    '*notifications',
    '*organizations',
    '*posts',
  ],
  costs: ['*channels', '*lifecycle', '*organizations', '*posts', '*publishing'],
  conversations: [
    '*approvals',
    '*audit',
    '*channels',
    '*common',
    '*compliance',
    '*feedback',
    '*identity',
    '*lifecycle',
    '*metrics',
    '*notifications',
    '*organizations',
    '*posts',
  ],
  reports: ['*audit', '*channels', '*common', 'conversations', 'feedback', '*metrics', '*organizations'],
  digest: ['*audit', '*identity', '*mail', '*organizations', '*reports'],
  retention: ['*audit', '*common', '*identity', '*organizations'],
};

/**
 * Known exceptions, each to be removed by the change that fixes it; nothing may be added here.
 * CYCLES are imports against the layering above (each closes a cycle). Those that touch posts,
 * review, replies or publishing belong to the lifecycle-core restructuring (issue 13, items 1-2);
 * the others need a shared type moved (Actor, content categories, platform usage) out of the
 * feature that owns it today.
 */
const CYCLES = [
  ['posts', '*approvals'], // lifecycle core: approval policy read by PostsService
  ['posts', '*publishing'], // lifecycle core: PostsService schedules publications
  ['organizations', '*posts'], // lifecycle core: settings changes re-check posts in review
  ['compliance', '*posts'], // lifecycle core: findings stored per revision
  ['channels', '*posts'], // lifecycle core: disconnecting holds scheduled posts
  ['media', '*posts'], // lifecycle core: revoked consent holds posts
  ['notifications', '*identity'], // recipients by role
  ['identity', '*organizations'], // sign-up creates the organization
  ['organizations', '*channels'], // the organization's own handles
  ['organizations', '*compliance'], // content categories and severities of the approval policy
  ['compliance', '*media'], // text read from images and captions
  ['channels', '*metrics'], // the platform-usage counter
];

const name = (entry) => entry.replace('*', '');

/** Fails the lint run when FEATURES has a cycle (an exception belongs in CYCLES, named). */
function assertAcyclic(graph) {
  const state = {};
  const visit = (node, path) => {
    if (state[node] === 'done') return;
    if (state[node] === 'open')
      throw new Error(`FEATURES has a cycle: ${[...path, node].join(' → ')}`);
    state[node] = 'open';
    for (const next of graph[node] ?? []) visit(name(next), [...path, node]);
    state[node] = 'done';
  };
  for (const node of Object.keys(graph)) visit(node, []);
}
assertAcyclic(FEATURES);

/** The imported feature's index.ts, or any of its files while the pair is marked `*`. */
const target = (entry) => ({
  element: {
    type: 'feature',
    captured: { feature: name(entry) },
    ...(entry.startsWith('*') ? {} : { fileInternalPath: 'index.ts' }),
  },
});
const importer = (feature) => ({ element: { type: 'feature', captured: { feature } } });

export const boundariesConfig = {
  files: ['apps/**/*.{ts,tsx}', 'libs/**/*.ts'],
  ignores: ['**/*.spec.ts'],
  plugins: { boundaries },
  settings: {
    'import/resolver': { [resolver]: {} },
    'boundaries/elements': [
      { type: 'dashboard', pattern: 'apps/dashboard' },
      { type: 'app', pattern: 'apps/*', capture: ['app'] },
      { type: 'feature', pattern: 'libs/domain/src/*', capture: ['feature'] },
      { type: 'domain', pattern: 'libs/domain' },
      { type: 'lib', pattern: 'libs/*', capture: ['lib'] },
    ],
  },
  rules: {
    'boundaries/dependencies': [
      'error',
      {
        default: 'disallow',
        policies: [
          // No policy names the dashboard: it may import nothing outside itself.
          {
            from: { element: { type: 'app' } },
            allow: {
              to: [
                { element: { type: 'domain', fileInternalPath: 'src/index.ts' } },
                { element: { type: 'lib' } },
              ],
            },
          },
          {
            from: { element: { type: 'domain' } },
            allow: { to: [{ element: { type: 'feature' } }, { element: { type: 'lib' } }] },
          },
          {
            from: { element: { type: 'lib', captured: { lib: '{queue,database}' } } },
            allow: { to: { element: { type: 'lib', captured: { lib: 'config' } } } },
          },
          {
            from: { element: { type: 'lib', captured: { lib: 'database' } } },
            allow: { to: { element: { type: 'domain', fileInternalPath: 'src/entities.ts' } } },
          },
          { from: { element: { type: 'feature' } }, allow: { to: { element: { type: 'lib' } } } },
          ...Object.entries(FEATURES)
            .filter(([, to]) => to.length > 0)
            .map(([from, to]) => ({ from: importer(from), allow: { to: to.map(target) } })),
          ...CYCLES.map(([from, to]) => ({ from: importer(from), allow: { to: target(to) } })),
        ],
      },
    ],
  },
};
