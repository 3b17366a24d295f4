/**
 * The platform as `npm start` runs it (the compiled server bundle, scripts/build-server.mjs) in a process of its own,
 * for benchmarks that measure the platform's process and not the benchmark's.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { serverLaunch } from "../../scripts/build-server.mjs";

export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export interface ProcessUsage {
  userSeconds: number;
  systemSeconds: number;
  minorFaults: number;
}

/** The kernel's clock ticks per second (`getconf CLK_TCK`), 100 on every Linux this runs on. */
const ticksPerSecond = 100;

/** `/proc/<pid>/stat`'s minflt, utime and stime: fields 10, 14 and 15, counted after the parenthesised name. */
export function processUsage(pid: number): ProcessUsage {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return {
    minorFaults: Number(fields[7]),
    userSeconds: Number(fields[11]) / ticksPerSecond,
    systemSeconds: Number(fields[12]) / ticksPerSecond,
  };
}

export interface ServerProcess {
  url: string;
  /** The process's resident set, in bytes (Linux: /proc/<pid>/status). */
  rss(): number;
  /** CPU time of all its threads and its minor page faults so far (Linux: /proc/<pid>/stat). */
  usage(): ProcessUsage;
  stop(): Promise<void>;
}

/** Starts the compiled server with `environment` on a free port and resolves once /readyz answers 200. */
export async function startServerProcess(
  environment: Record<string, string>,
  timeoutMs = 180_000,
): Promise<ServerProcess> {
  const port = await freePort();
  const launch = serverLaunch({ ...environment, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" });
  const child: ChildProcess = spawn(launch.command, launch.args, {
    env: launch.env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await exited;
  };
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before it was ready`);
    const ready = await fetch(`${url}/readyz`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ready) break;
    if (performance.now() - started > timeoutMs) {
      await stop();
      throw new Error(`the server was not ready in ${timeoutMs / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const rss = () => {
    const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024;
  };
  return { url, rss, usage: () => processUsage(child.pid!), stop };
}
