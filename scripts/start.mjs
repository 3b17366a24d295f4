#!/usr/bin/env node
// `npm start`: build the web app when it is missing or older than its sources, then run the server.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { requireNodeVersion } from "./node-version.mjs";

requireNodeVersion();

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const built = join("web", "dist", "index.html");
if (existsSync(join("web", "src"))) {
  const stale =
    !existsSync(built) ||
    statSync(built).mtimeMs < Math.max(newest(join("web", "src")), statSync(join("web", "index.html")).mtimeMs);
  if (stale) {
    console.log("构建前端 / building the web app …");
    const result = spawnSync(
      process.execPath,
      ["node_modules/vite/bin/vite.js", "build", "--config", "web/vite.config.ts", "--logLevel", "warn"],
      { stdio: "inherit" },
    );
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}

const server = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
