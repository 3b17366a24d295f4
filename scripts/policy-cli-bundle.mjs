// The policy CLI as one plain-JavaScript file (.build/policy-cli.mjs), so node runs it without tsx compiling some
// hundred TypeScript files at every start. Rebuilt whenever a file it was built from is newer, so a fresh clone and
// an edited rule both just work.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const entry = join(root, "scripts", "policy-cli.ts");
export const policyBundlePath = join(root, ".build", "policy-cli.mjs");
// The files the bundle was built from, as esbuild's metafile listed them (repository-relative).
const inputsPath = join(root, ".build", "policy-cli.inputs.json");
// npm gives installed files a fixed old mtime, so a changed dependency shows in the lock files instead; this file
// holds the build options, tsconfig.json those esbuild reads.
const alwaysWatched = [
  "package-lock.json",
  "node_modules/.package-lock.json",
  "scripts/policy-cli-bundle.mjs",
  "tsconfig.json",
];

const mtime = (path) => statSync(join(root, path), { throwIfNoEntry: false })?.mtimeMs;

/** True when the bundle is missing, or a file it was built from changed, moved or vanished after it. */
export function policyBundleIsStale() {
  const built = mtime(".build/policy-cli.mjs");
  if (built === undefined || !existsSync(inputsPath)) return true;
  const inputs = JSON.parse(readFileSync(inputsPath, "utf8"));
  if (inputs.some((path) => (mtime(path) ?? Number.POSITIVE_INFINITY) > built)) return true;
  return alwaysWatched.some((path) => (mtime(path) ?? 0) > built);
}

// The packages only `ask` uses stay outside the bundle: jieba because it is native, the segmenter's pinyin
// dictionary and the search index because they are large. An external `import` would be hoisted to the top of the
// bundle and load them at every start; a `require` inside the bundle runs only when `ask` does.
const askOnlyPackages = /^(@node-rs\/jieba(\/.*)?|pinyin-pro|minisearch)$/;
const askPackagesOnDemand = {
  name: "ask-packages-on-demand",
  setup(build) {
    build.onResolve({ filter: askOnlyPackages }, (args) =>
      args.namespace === "on-demand"
        ? { path: args.path, external: true }
        : { path: args.path, namespace: "on-demand" },
    );
    build.onLoad({ filter: /.*/, namespace: "on-demand" }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: "js",
    }));
  },
};

/**
 * Builds .build/policy-cli.mjs with esbuild; rejects with esbuild's messages when the code does not compile. Written
 * under a temporary name and renamed, so a run racing the build never reads half a file.
 */
export async function buildPolicyBundle() {
  const { build } = await import("esbuild");
  const startedAt = new Date();
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    metafile: true,
    logLevel: "warning",
    absWorkingDir: root,
    outfile: policyBundlePath,
    plugins: [askPackagesOnDemand],
    // The bundled CommonJS (and the native packages' require) need a require in an ES module.
    banner: { js: 'import { createRequire } from "node:module";\nconst require = createRequire(import.meta.url);' },
  });
  mkdirSync(join(root, ".build"), { recursive: true });
  const inputs = Object.keys(result.metafile.inputs).filter((path) => !path.includes(":"));
  const temporary = `.${process.pid}.tmp`;
  writeFileSync(inputsPath + temporary, `${JSON.stringify(inputs, null, 1)}\n`);
  renameSync(inputsPath + temporary, inputsPath);
  writeFileSync(policyBundlePath + temporary, result.outputFiles[0].contents);
  // Dated when the build began: a source saved while esbuild ran is newer, and triggers the next build.
  utimesSync(policyBundlePath + temporary, startedAt, startedAt);
  renameSync(policyBundlePath + temporary, policyBundlePath);
}

/** The bundle's path, built first when stale. */
export async function freshPolicyBundle() {
  if (policyBundleIsStale()) await buildPolicyBundle();
  return policyBundlePath;
}
