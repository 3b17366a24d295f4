import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { RunningClock } from "../clock";

const root = join(import.meta.dirname, "..", "..");

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function startServer(env: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), "guohe-demo-clock-"));
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, HOST: "127.0.0.1", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  return { child, dataDir, output: () => output };
}

async function stop(child: ChildProcess, dataDir: string) {
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
}

describe("the demo clock", () => {
  it("runs on from its start at the real pace", () => {
    let real = 1_000;
    const clock = new RunningClock(new Date("2027-06-30T01:00:00Z"), () => real);
    expect(clock.now().toISOString()).toBe("2027-06-30T01:00:00.000Z");
    real += 90_000;
    expect(clock.now().toISOString()).toBe("2027-06-30T01:01:30.000Z");
  });

  const started: Array<{ child: ChildProcess; dataDir: string }> = [];
  afterAll(async () => {
    for (const server of started) await stop(server.child, server.dataDir);
  });

  it("starts the real server at DEMO_CLOCK: /healthz reports it and the demo's dates follow it", async () => {
    const port = await freePort();
    const server = startServer({ PORT: String(port), DEMO: "1", DEMO_CLOCK: "2027-06-30T09:00:00+08:00" });
    started.push(server);
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 90_000;
    let health: { status: string; demoClock?: string } | null = null;
    while (Date.now() < deadline && !health) {
      if (server.child.exitCode !== null) throw new Error(`server exited:\n${server.output()}`);
      health = await fetch(`${base}/healthz`)
        .then((response) => (response.ok ? response.json() : null))
        .catch(() => null);
      if (!health) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(health, server.output()).not.toBeNull();
    const demoTime = new Date(health!.demoClock!).getTime();
    expect(demoTime).toBeGreaterThanOrEqual(new Date("2027-06-30T01:00:00Z").getTime());
    expect(demoTime).toBeLessThan(new Date("2027-06-30T01:05:00Z").getTime());

    // The 公示 under way starts on the demo's day, not the machine's.
    const notices = (await (await fetch(`${base}/api/public/notices`)).json()) as {
      today: string;
      items: Array<{ startOn: string }>;
    };
    expect(notices.today).toBe("2027-06-30");
    expect(notices.items.map((notice) => notice.startOn)).toContain("2027-06-30");
  }, 120_000);

  it("is refused at start when demo mode is off, naming the setting", async () => {
    const server = startServer({ DEMO: "0", DEMO_CLOCK: "2027-06-30T09:00:00+08:00" });
    started.push(server);
    const code = await new Promise<number | null>((resolve) => server.child.once("exit", resolve));
    expect(code).toBe(1);
    expect(server.output()).toMatch(/DEMO_CLOCK/);
  }, 60_000);
});
