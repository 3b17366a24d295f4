// The server compiled ahead for `npm start` (scripts/start.mjs): server/main.ts and everything of ours it imports
// (server/, policy/, contracts/, assistant/) bundled by esbuild into one ES module, so a start skips tsx's compile of
// some hundreds of TypeScript files. Every npm package stays external and is loaded from node_modules as before
// (PGlite's wasm, native modules, pino transports), which is why the bundle lives inside the repository (.build/).
// esbuild's metafile, kept beside the bundle, lists the inputs: the bundle is rebuilt only when one of them is newer.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const repositoryRoot = join(import.meta.dirname, "..");
/** Where `npm start` keeps the compiled server (git-ignored). */
export const serverBuildDir = join(repositoryRoot, ".build", "server");
/** Files that shape the output without being inputs of the bundle: the build's own options, esbuild's tsconfig. */
const buildConfigFiles = [join(repositoryRoot, "scripts", "build-server.mjs"), join(repositoryRoot, "tsconfig.json")];

/**
 * Node.js loads a package's JSON only with `with { type: "json" }`; without it the bundle would build and then fail
 * at start (ERR_IMPORT_ASSERTION_TYPE_MISSING). Packages stay external, so say so at build time instead.
 */
const packageJsonNeedsAttribute = {
  name: "package-json-needs-attribute",
  setup(build) {
    build.onResolve({ filter: /\.json$/ }, (args) => {
      if (/^[./]/.test(args.path) || args.with?.type === "json") return undefined;
      return {
        errors: [
          {
            text: `import "${args.path}" with { type: "json" }: Node.js loads JSON from a package only with that attribute`,
          },
        ],
      };
    });
  },
};

/** The bundle and its metafile in `outDir`. */
export function serverBuildFiles(outDir = serverBuildDir) {
  return { bundle: resolve(outDir, "main.mjs"), metafile: resolve(outDir, "meta.json") };
}

/**
 * How the compiled server is run — by `npm start`, the cluster test and the benchmarks alike: `node` with source maps
 * on the bundle, in `environment` over this process's own. glibc's malloc, once it has freed a few blocks of a megabyte
 * or more (argon2 takes 19 MiB per sign-in), keeps such blocks in its heap for good; a fixed threshold hands them back
 * to the system when freed. After 500 sign-ins the server held 348 MB instead of 426 (issue 16, P2's RSS). Set
 * MALLOC_MMAP_THRESHOLD_ yourself to override; other C libraries ignore it.
 */
export function serverLaunch(environment = {}) {
  return {
    command: process.execPath,
    args: ["--enable-source-maps", serverBuildFiles().bundle],
    env: { MALLOC_MMAP_THRESHOLD_: String(1024 * 1024), ...process.env, ...environment },
  };
}

/**
 * Why the bundle in `outDir` must be (re)built — missing, or an input or build setting newer than it — or null when
 * it is up to date.
 */
export function serverBuildStaleness(outDir = serverBuildDir) {
  const { bundle, metafile } = serverBuildFiles(outDir);
  if (!existsSync(bundle)) return `${relative(repositoryRoot, bundle)} is missing`;
  if (!existsSync(metafile)) return `${relative(repositoryRoot, metafile)} is missing`;
  const builtAt = statSync(bundle).mtimeMs;
  let inputs;
  try {
    inputs = Object.keys(JSON.parse(readFileSync(metafile, "utf8")).inputs);
  } catch (error) {
    return `${relative(repositoryRoot, metafile)} is unreadable (${error.message})`;
  }
  for (const input of [...inputs.map((path) => join(repositoryRoot, path)), ...buildConfigFiles]) {
    let modified;
    try {
      modified = statSync(input).mtimeMs;
    } catch {
      return `${relative(repositoryRoot, input)} is gone`;
    }
    if (modified > builtAt) return `${relative(repositoryRoot, input)} changed`;
  }
  return null;
}

/**
 * Bundles server/main.ts (or another `entry`, for tests) into `outDir`/main.mjs, with main.mjs.map and the metafile
 * meta.json; rejects (esbuild's BuildFailure, its messages printed) when the code does not compile. Files are replaced by rename, so a server
 * starting meanwhile never reads half a bundle. `outDir` must lie inside the repository, where node_modules resolves.
 */
export async function buildServer({ outDir = serverBuildDir, entry = "server/main.ts" } = {}) {
  const { bundle, metafile } = serverBuildFiles(outDir);
  // The bundle's time is the build's start: a source saved during the build leaves it stale.
  const startedAt = new Date();
  // Loaded here, not at the top: a start with a fresh bundle does without it.
  const { build } = await import("esbuild");
  const result = await build({
    absWorkingDir: repositoryRoot,
    entryPoints: [entry],
    outfile: bundle,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20.19",
    packages: "external",
    sourcemap: true,
    metafile: true,
    write: false,
    plugins: [packageJsonNeedsAttribute],
    // esbuild prints its warnings and errors (with the code around them) to stderr.
    logLevel: "warning",
  });
  mkdirSync(dirname(bundle), { recursive: true });
  rmSync(metafile, { force: true });
  for (const file of result.outputFiles) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  utimesSync(bundle, startedAt, startedAt);
  // Last: a bundle without its metafile counts as stale.
  writeFileSync(`${metafile}.${process.pid}.tmp`, JSON.stringify(result.metafile));
  renameSync(`${metafile}.${process.pid}.tmp`, metafile);
  return { bundle, inputs: Object.keys(result.metafile.inputs) };
}

// `node scripts/build-server.mjs` (the benchmarks, before they start or time the server): the bundle brought up to date.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const stale = serverBuildStaleness();
  if (stale) {
    console.log(`compiling the server (${stale}) …`);
    await buildServer();
  }
}
