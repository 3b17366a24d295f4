#!/usr/bin/env node
// End-to-end run: build web/dist when it is missing or older than web/src, then run the "e2e" vitest project
// (its global setup starts the real server on a free port with a fresh data directory).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const dist = join(root, "web", "dist", "index.html");
const sources = [join(root, "web", "src"), join(root, "web", "index.html"), join(root, "web", "vite.config.ts")];

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const vite = join(root, "node_modules", "vite", "bin", "vite.js");
const vitest = join(root, "node_modules", "vitest", "vitest.mjs");
const stale = !existsSync(dist) || Math.max(...sources.map(newestMtime)) > statSync(dist).mtimeMs;
if (stale) {
  console.log("e2e: building web/dist …");
  run(process.execPath, [vite, "build", "--config", "web/vite.config.ts"]);
} else {
  console.log("e2e: web/dist is up to date");
}
run(process.execPath, [vitest, "run", "--project", "e2e", ...process.argv.slice(2)]);
