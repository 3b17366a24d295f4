// The Node.js version check both README commands run first (`npm start`, `npm test`): the minimum comes from
// package.json `engines.node`, in its simple `>=X.Y` / `>=X.Y.Z` form. Written for old Node versions too, so that they
// reach the message instead of a syntax error.
import { readFileSync } from "node:fs";

/** The minimum [major, minor, patch] of a `>=X.Y(.Z)` range; undefined for any other form. */
export function minimumOf(range) {
  const match = /^\s*>=\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(range ?? "");
  return match ? [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)] : undefined;
}

/** Whether `version` ("20.19.1") is at least `minimum` ([20, 19, 0]). */
export function atLeast(version, minimum) {
  const parts = version.replace(/^v/, "").split(".").map(Number);
  for (let i = 0; i < 3; i++) {
    const have = parts[i] ?? 0;
    if (have !== minimum[i]) return have > minimum[i];
  }
  return true;
}

/** Exits with a bilingual message when this Node.js is older than package.json `engines.node` asks. */
export function requireNodeVersion() {
  const range = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).engines?.node;
  const minimum = minimumOf(range);
  if (!minimum || atLeast(process.versions.node, minimum)) return;
  const wanted = range.replace(/^\s*>=\s*/, "");
  console.error(
    `需要 Node.js ≥ ${wanted}（当前 ${process.versions.node}）/ Node.js ≥ ${wanted} is required (found ${process.versions.node}).`,
  );
  process.exit(1);
}
