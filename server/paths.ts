import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** package.json's name: the mark of this repository's root. */
const packageName = "guohe-base-platform";

/**
 * The nearest directory at or above `start` whose package.json is this project's.
 * Why: the server runs from its sources (tsx, tests) and from the bundle `npm start` compiles into .build/server/, so
 * a path counted from the module's own folder would differ between the two.
 */
export function findRepositoryRoot(start: string): string {
  for (let directory = start; ; directory = dirname(directory)) {
    const manifest = join(directory, "package.json");
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown }).name === packageName
    ) {
      return directory;
    }
    if (dirname(directory) === directory) {
      throw new Error(`no package.json named ${packageName} at or above ${start}: run the server from its repository`);
    }
  }
}

/** The repository root, found once from wherever this code runs. */
export const repositoryRoot = findRepositoryRoot(import.meta.dirname);

/** Files the server reads from the repository at run time, independent of where its code was compiled to. */
export const serverPaths = {
  /** The built web app (`npm run build:web`), served at /. */
  webDist: join(repositoryRoot, "web", "dist"),
  /** drizzle-kit's SQL migrations, applied at start. */
  migrations: join(repositoryRoot, "server", "db", "migrations"),
  /** The platform's readings of the measures, part of the assistant's knowledge. */
  interpretations: join(repositoryRoot, "docs", "interpretations.md"),
} as const;
