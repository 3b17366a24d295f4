#!/usr/bin/env node
// CI's check of README's first command: start the platform the way a new user does (`npm start`, embedded database in
// a fresh directory, demo mode by default, the real clock), wait for it, read the demo accounts, sign in with one of
// them, stop it. Prints "first start: ok (…)" or what went wrong with the server's last output, and exits 1.
// FIRST_START_TIMEOUT_S (default 180) bounds the wait, which includes building the web app when it is stale.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const timeoutMs = Number(process.env.FIRST_START_TIMEOUT_S || 180) * 1000;
const fallbackPassword = "Demo@2025";

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

class CheckFailed extends Error {}

const dataDir = mkdtempSync(join(tmpdir(), "guohe-first-start-"));
const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
// A user's environment: nothing that picks a database or the demo mode; DEMO_CLOCK passes through only when the caller
// sets it on purpose (CI does not).
const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1" };
for (const name of ["DATABASE_URL", "DEMO", "AUDIT_KEY", "PII_KEY"]) delete env[name];

const started = Date.now();
// Its own process group (detached), so that stopping it reaches npm, scripts/start.mjs and the server alike.
const child = spawn("npm", ["start"], { cwd: root, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
let output = "";
child.stdout.on("data", (chunk) => {
  output += chunk;
});
child.stderr.on("data", (chunk) => {
  output += chunk;
});
let exit;
const exited = new Promise((resolve) => {
  child.on("exit", (code, signal) => {
    exit = { code, signal };
    resolve(exit);
  });
  child.on("error", (error) => {
    output += `\n${error.stack ?? error}`;
    exit = { code: null, signal: null, error };
    resolve(exit);
  });
});

function groupAlive() {
  try {
    process.kill(-child.pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stop() {
  if (child.pid !== undefined && groupAlive()) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
    const deadline = Date.now() + 15_000;
    while (groupAlive() && Date.now() < deadline) await sleep(100);
    if (groupAlive()) {
      output += "\n[first-start-check] still running 15 s after SIGTERM: SIGKILL";
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
      while (groupAlive()) await sleep(100);
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
}

async function request(method, path, { body, cookie } = {}) {
  let response;
  try {
    response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body ? { "content-type": "application/json" } : {}),
        ...(cookie ? { cookie } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    const cause = error?.cause?.code ?? error?.message ?? String(error);
    throw new CheckFailed(`${method} ${path}: no answer (${cause})${exit ? "; npm start has exited" : ""}`);
  }
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

function expectStatus(what, response, status) {
  if (response.status !== status) {
    throw new CheckFailed(`${what}: expected HTTP ${status}, got ${response.status}: ${response.text.slice(0, 500)}`);
  }
}

async function waitForHealth() {
  const deadline = started + timeoutMs;
  while (Date.now() < deadline) {
    if (exit) {
      throw new CheckFailed(
        `npm start exited before the server answered (${exit.error ? exit.error.message : exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`})`,
      );
    }
    try {
      const response = await request("GET", "/healthz");
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await Promise.race([sleep(500), exited]);
  }
  throw new CheckFailed(`GET /healthz did not answer 200 within ${timeoutMs / 1000} s`);
}

async function check() {
  await waitForHealth();
  const readyIn = Math.round((Date.now() - started) / 1000);

  const accounts = await request("GET", "/api/demo/accounts");
  expectStatus("GET /api/demo/accounts (demo mode should be on by default with the embedded database)", accounts, 200);
  if (!Array.isArray(accounts.json) || accounts.json.length === 0) {
    throw new CheckFailed(`GET /api/demo/accounts: expected a non-empty list, got ${accounts.text.slice(0, 500)}`);
  }
  const account = accounts.json.find((a) => a?.username) ?? {};
  const username = account.username;
  if (!username)
    throw new CheckFailed(`GET /api/demo/accounts: no account has a username: ${accounts.text.slice(0, 500)}`);

  const login = await request("POST", "/api/auth/login", {
    body: { username, password: account.password || fallbackPassword },
  });
  expectStatus(`POST /api/auth/login as ${username}`, login, 200);
  if (typeof login.json?.csrfToken !== "string" || login.json.csrfToken === "") {
    throw new CheckFailed(`POST /api/auth/login as ${username}: no csrfToken in ${login.text.slice(0, 500)}`);
  }
  const cookie = login.headers
    .getSetCookie()
    .map((header) => header.split(";")[0])
    .join("; ");
  if (!cookie) throw new CheckFailed(`POST /api/auth/login as ${username}: no session cookie was set`);

  const me = await request("GET", "/api/auth/me", { cookie });
  expectStatus(`GET /api/auth/me as ${username}`, me, 200);

  return { readyIn, count: accounts.json.length, username };
}

let result;
let failure;
try {
  result = await check();
} catch (error) {
  failure = error instanceof CheckFailed ? error.message : `${error?.stack ?? error}`;
}
await stop();

if (failure) {
  const tail = output.trimEnd().split("\n").slice(-60).join("\n");
  console.error(
    `first start: FAILED — ${failure}\n` +
      `首次启动检查失败（npm start，全新数据目录，演示模式）/ the first start (npm start, fresh data directory, demo mode) failed.\n` +
      `--- server output (last 60 lines) ---\n${tail || "(none)"}\n--- end of server output ---`,
  );
  process.exit(1);
}
const clock = process.env.DEMO_CLOCK ? `, demo clock ${process.env.DEMO_CLOCK}` : "";
console.log(
  `first start: ok (ready in ${result.readyIn} s, demo accounts: ${result.count}, logged in as ${result.username}${clock})`,
);
