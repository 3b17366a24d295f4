#!/usr/bin/env node
// `npm start`: build the web app when it is missing or older than its sources, compile the server ahead when its bundle
// is (scripts/build-server.mjs), then run the compiled server.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { requireNodeVersion } from "./node-version.mjs";

requireNodeVersion();
// Imported after the check, so that an old Node.js gets its message rather than an error from newer APIs.
const { buildServer, serverBuildStaleness, serverLaunch } = await import("./build-server.mjs");

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

const serverStale = serverBuildStaleness();
if (serverStale) {
  console.log(`编译服务端 / compiling the server (${serverStale}) …`);
  try {
    await buildServer();
  } catch (error) {
    // esbuild has printed its errors; anything else (a full disk, no permission) is told here.
    const why = Array.isArray(error?.errors) ? `${error.errors.length} error(s) above` : (error?.message ?? error);
    console.error(`服务端编译失败 / the server does not compile: ${why}`);
    process.exit(1);
  }
}

const launch = serverLaunch();
const server = spawn(launch.command, launch.args, { env: launch.env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
