/**
 * The cluster test's services on loopback: a PostgreSQL database, app nodes (the compiled server), and nginx in
 * front of them. Each is started in a temporary directory and stopped by `stopAll`.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { serverLaunch } from "../build-server.mjs";

const stops: Array<() => Promise<void> | void> = [];
export async function stopAll(): Promise<void> {
  for (const stop of stops.reverse()) await stop();
}

export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

async function waitFor(what: string, check: () => Promise<boolean>, seconds: number): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what}: not ready within ${seconds} s`);
}

const pgBin = "/usr/lib/postgresql/15/bin";
const asPostgres = (command: string) =>
  process.getuid?.() === 0 ? ["su", ["postgres", "-s", "/bin/sh", "-c", command]] : ["sh", ["-c", command]];

/**
 * A fresh database for the run: on the server CLUSTER_DATABASE_URL or TEST_DATABASE_URL names, else on a PostgreSQL
 * 15 started here in `work` (as the postgres user when run as root, since PostgreSQL refuses root).
 */
export async function startDatabase(): Promise<string> {
  let serverUrl = process.env.CLUSTER_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    if (!existsSync(join(pgBin, "postgres"))) {
      throw new Error(
        "需要 PostgreSQL 15 / PostgreSQL 15 is needed: apt-get install postgresql-15, or set CLUSTER_DATABASE_URL",
      );
    }
    // Its own directory, not inside `work` (0700 and root's when run as root): the postgres user must reach it.
    const dir = mkdtempSync(join(tmpdir(), "guohe-cluster-pg-"));
    if (process.getuid?.() === 0) execFileSync("chown", ["postgres", dir]);
    const port = await freePort();
    const run = (command: string) => {
      const [program, args] = asPostgres(command) as [string, string[]];
      execFileSync(program, args, { stdio: ["ignore", "ignore", "inherit"] });
    };
    run(`${pgBin}/initdb -D ${dir}/data -A trust -U postgres >/dev/null`);
    run(
      `${pgBin}/pg_ctl -D ${dir}/data -o '-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=100' -l ${dir}/log -w start >/dev/null`,
    );
    stops.push(() => {
      run(`${pgBin}/pg_ctl -D ${dir}/data -m fast stop >/dev/null`);
      rmSync(dir, { recursive: true, force: true });
    });
    serverUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  }
  const name = `guohe_cluster_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  stops.push(async () => {
    const cleanup = new pg.Client({ connectionString: serverUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export interface AppNode {
  name: string;
  port: number;
  url: string;
  /** Starts (or restarts) the node and waits for /readyz. */
  start(): Promise<void>;
  /** SIGKILL: no drain, no goodbye — what a crashed machine does. */
  kill(): Promise<void>;
  /** SIGTERM: the graceful shutdown an orchestrator asks for; resolves with the exit code. */
  stop(): Promise<number | null>;
  running(): boolean;
}

/** One node of the platform as `npm start` runs it (scripts/build-server.mjs `serverLaunch`), logging to `logFile`. */
export function appNode(name: string, env: Record<string, string>, logFile: string): AppNode {
  let child: ChildProcess | null = null;
  let port = 0;
  const node: AppNode = {
    name,
    get port() {
      return port;
    },
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    async start() {
      port ||= await freePort();
      const { openSync } = await import("node:fs");
      const log = openSync(logFile, "a");
      const launch = serverLaunch({ ...env, PORT: String(port), HOST: "127.0.0.1" });
      child = spawn(launch.command, launch.args, {
        env: launch.env,
        stdio: ["ignore", log, log],
      });
      const started = child;
      await waitFor(
        `${name} (log: ${logFile})`,
        async () => {
          if (started.exitCode !== null) throw new Error(`${name} exited with ${started.exitCode}; see ${logFile}`);
          return (await fetch(`${node.url}/readyz`)).ok;
        },
        120,
      );
    },
    async kill() {
      const running = child;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once("exit", resolve));
      running.kill("SIGKILL");
      await exited;
    },
    async stop() {
      const running = child;
      if (!running || running.exitCode !== null) return running?.exitCode ?? null;
      const exited = new Promise<number | null>((resolve) => running.once("exit", (code) => resolve(code)));
      running.kill("SIGTERM");
      return exited;
    },
    running: () => child !== null && child.exitCode === null && child.signalCode === null,
  };
  stops.push(() => node.kill());
  return node;
}

/**
 * nginx from Debian in front of the nodes: round robin, a failed node skipped for 2 s, and — nginx's default — a
 * request that reached a node is never replayed on the other unless its method is idempotent; the client retries
 * writes with an Idempotency-Key instead.
 */
export async function startProxy(work: string, nodes: AppNode[]): Promise<string> {
  const nginx = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((path) => existsSync(path));
  if (!nginx) throw new Error("需要 nginx / nginx is needed: apt-get install nginx-light");
  const dir = join(work, "nginx");
  mkdirSync(dir);
  const port = await freePort();
  const config = `${process.getuid?.() === 0 ? "user root;\n" : ""}worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 2048; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 60m;
  upstream guohe {
${nodes.map((node) => `    server 127.0.0.1:${node.port} max_fails=1 fail_timeout=2s;`).join("\n")}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://guohe;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_read_timeout 120s;
    }
  }
}
`;
  writeFileSync(join(dir, "nginx.conf"), config);
  const child = spawn(nginx, ["-p", dir, "-c", join(dir, "nginx.conf")], { stdio: ["ignore", "ignore", "inherit"] });
  stops.push(async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGQUIT");
    await exited;
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor("nginx", async () => (await fetch(`${url}/readyz`)).ok, 20);
  return url;
}
