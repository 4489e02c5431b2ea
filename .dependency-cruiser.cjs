// The layers of functions/src, checked by `npm run lint` (dependency-cruiser,
// which reads every import, type-only ones included). From the bottom:
//
//   domain/      the words both sides of a callable share: plans, labels, settings,
//                video URLs, comment filters, zod building blocks. Imports nothing of
//                ours, so the web app's contracts and every service can load it.
//   contracts/   each callable's request and response (zod): what the web app imports
//                as `lently-functions/contracts`. Imports domain/ only.
//   core/        Firebase handles, the callable wrapper, errors, quotas and plan usage,
//                the profile, the budget engines. Imports domain/ and contracts/ types,
//                never a feature: every feature builds on it.
//   features     one folder each (youtube/, ai/, analysis/ …): plain services, and the
//                folder's functions.ts (its deployed functions, the thin layer above the
//                services). A feature imports core/, domain/, contract *types*, and only
//                the features FEATURES below lets it.
//   index.ts     one line per group of functions, the only importer of functions.ts files.
//
// Every folder keeps its deployed functions in one functions.ts (not a file per function):
// one place per feature to see what it deploys and with which limits, one contract loader
// and lazy service per folder, and a name these rules can tell from a service.
//
// Adding a feature folder: nothing to do while nothing else imports it (a folder not
// named in FEATURES may import core/, domain/ and every named feature; no named
// feature may import it). Once another feature needs it, add it to FEATURES with the
// folders it may import and say why. An import the map does not allow is a design
// question, not a lint nit: move the shared piece down (to core/ or domain/) or pass it
// in as a collaborator instead.
const SRC = "^functions/src/";

// Who may import whom among the features, and why. The map is acyclic by design;
// the no-cycle rule below checks what the map cannot (cycles inside one folder).
const FEATURES = {
  // The YouTube Data API: lookups, comment listing, the spam filter, the cache.
  youtube: [],
  // The creator's lists of comment authors (spammers, vip, blocked): Firestore only.
  authorLists: [],
  // Spam across the channel's videos: the filter (youtube) with the spammer list (authorLists) and the channel's wave index.
  channelSpam: ["youtube", "authorLists"],
  // Everything asked of AI: the provider interface, Gemini and the local models, prompts.
  ai: [],
  // Paddle: checkout, webhooks, subscriptions, resets, analytics.
  billing: [],
  // The creator's connected channel (OAuth tokens, acting as the owner on YouTube).
  channel: ["youtube"],
  // A video's analysis: it lists comments (youtube) and has them labelled (ai).
  analysis: ["youtube", "ai"],
  // Ask AI answers from a stored analysis with the AI provider.
  ask: ["analysis", "ai", "youtube"],
  // Reply drafts are an AI task.
  replies: ["ai"],
  // The inbox lists a stored analysis' comments and acts on them through the channel.
  inbox: ["analysis", "channel", "youtube", "ai"],
  // Accounts: deleting one cancels billing and disconnects the channel.
  users: ["billing", "channel"],
  // What Lently tells a creator: users/{uid}/notifications and their delivery (mail, webhooks).
  // Every feature with something to say (rules, alerts) writes through it.
  notifications: [],
  // Alerts evaluate a video's counts and notify; the sync calls them as an observer.
  alerts: ["notifications"],
  // health says only "ok" and the version: it needs no feature.
  health: [],
};

const named = Object.keys(FEATURES);
const folder = (name) => `${SRC}${name}/`;
const anyOf = (names) => `${SRC}(${names.join("|")})/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycle",
      severity: "error",
      comment:
        "Modules that import each other (type-only imports included) cannot be read, tested or moved one at a time: " +
        "move what both need into a third module below them.",
      from: {},
      to: { circular: true },
    },
    {
      name: "domain-imports-nothing-of-ours",
      severity: "error",
      comment: "domain/ is the floor: the web app's contracts and every service load it, so it may not drag anything in.",
      from: { path: `${SRC}domain/` },
      to: { path: SRC, pathNot: `${SRC}domain/` },
    },
    {
      name: "contracts-import-only-domain",
      severity: "error",
      comment: "contracts/ is what the web app imports: it may not pull in server code (core/, features).",
      from: { path: `${SRC}contracts/` },
      to: { path: SRC, pathNot: `${SRC}(contracts|domain)/` },
    },
    {
      name: "core-imports-no-feature",
      severity: "error",
      comment: "Every feature builds on core/; core importing a feature ties all features to that one. Move the piece down or pass it in.",
      from: { path: `${SRC}core/` },
      to: { path: SRC, pathNot: `${SRC}(core|contracts|domain)/` },
    },
    {
      name: "contracts-are-types-outside-callables",
      severity: "error",
      comment:
        "A callable loads its contract module on its first call (contractOf, core/callable.ts), so an instance builds only " +
        "the schemas it validates with. Anywhere else import contract *types*; values both sides need live in domain/.",
      from: { path: SRC, pathNot: `${SRC}contracts/` },
      to: { path: `${SRC}contracts/`, dependencyTypesNot: ["type-only", "dynamic-import"] },
    },
    {
      name: "only-index-imports-function-files",
      severity: "error",
      comment: "functions.ts files declare deployed functions; services sit below them and index.ts alone gathers them.",
      from: { path: SRC, pathNot: `${SRC}index\\.ts$` },
      to: { path: `${SRC}[^/]+/functions\\.ts$` },
    },
    {
      name: "nothing-imports-index",
      severity: "error",
      comment: "index.ts is the top: it loads every function.",
      from: {},
      to: { path: `${SRC}index\\.ts$` },
    },
    // One rule per named feature: the folders it may import, besides itself, core/, contracts/ and domain/.
    ...named.map((name) => ({
      name: `feature-${name}`,
      severity: "error",
      comment: `${name}/ may import ${FEATURES[name].length ? FEATURES[name].join(", ") : "no other feature"} (FEATURES in .dependency-cruiser.cjs says why).`,
      from: { path: folder(name) },
      to: { path: SRC, pathNot: `${SRC}(${[name, "core", "contracts", "domain", ...FEATURES[name]].join("|")})/` },
    })),
    {
      name: "named-features-import-no-unnamed-folder",
      severity: "error",
      comment:
        "A folder not in FEATURES sits above every named feature. When a named feature needs it, name it in FEATURES with what it may import.",
      from: { path: anyOf(named) },
      to: { path: SRC, pathNot: `${SRC}(index\\.ts$|${["core", "contracts", "domain", ...named].join("|")})/` },
    },
    {
      name: "unnamed-folders-import-no-unnamed-folder",
      severity: "error",
      comment: "Two folders not in FEATURES may not import each other (nothing would order them): name the lower one in FEATURES.",
      from: { path: `${SRC}([^/]+)/`, pathNot: anyOf(["core", "contracts", "domain", ...named]) },
      to: { path: `${SRC}[^/]+/`, pathNot: [`${SRC}$1/`, anyOf(["core", "contracts", "domain", ...named])] },
    },
  ],
  options: {
    // Type-only imports are edges too: a cycle through types still ties the modules together.
    tsPreCompilationDeps: true,
    doNotFollow: { path: "node_modules" },
    exclude: { path: "/lib/" },
    // Tests import across layers on purpose; tools are checked for cycles only (no layer of theirs is named above).
    includeOnly: ["^functions/src/", "^tools/"],
    moduleSystems: ["es6", "cjs"],
  },
};
