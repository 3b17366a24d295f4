import { connect } from "node:net";
import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import { describe, expect, it } from "vitest";
import { databaseKinds, startTestApp } from "../test/harness";
import { shutDown } from "./shutdown";

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** Whether a new TCP connection to the port is refused. */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });
}

describe.each(databaseKinds())("graceful shutdown on %s", (kind) => {
  it("turns /readyz 503 while /healthz stays 200, lets the request in flight finish, then stops listening", async () => {
    const entered = deferred();
    const release = deferred();
    const closing = deferred();
    const t = await startTestApp(
      kind,
      {},
      {
        beforeReady: (app) => {
          app.get("/test/slow", { config: { public: true }, schema: { hide: true } }, async () => {
            entered.resolve();
            await release.promise;
            return { done: true };
          });
          app.addHook("preClose", async () => closing.resolve());
        },
      },
    );
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const address = t.app.server.address();
    if (!address || typeof address === "string") throw new Error("not listening on a port");
    const base = `http://127.0.0.1:${address.port}`;

    const slow = fetch(`${base}/test/slow`);
    await entered.promise;
    const drainHeld = deferred();
    const backgroundStopped = deferred<boolean>();
    let databaseClosed = false;
    const exits: number[] = [];
    const stopping = shutDown(
      {
        app: t.app,
        stopBackground: async () => backgroundStopped.resolve(true),
        closeDatabase: async () => {
          await t.database.close();
          databaseClosed = true;
        },
        drainMs: 10_000,
        timeoutMs: 30_000,
        exit: (code) => exits.push(code),
        wait: () => drainHeld.promise,
      },
      "SIGTERM",
    );

    // Draining: the proxy sees not-ready, the process is still alive, the listener still open.
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: "draining", database: kind });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    drainHeld.resolve();
    await closing.promise;
    expect(await backgroundStopped.promise).toBe(true);
    expect(databaseClosed).toBe(false);
    release.resolve();
    const answer = await slow;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ done: true });

    expect(await stopping).toBe(0);
    expect(exits).toEqual([0]);
    expect(databaseClosed).toBe(true);
    expect(await refused(address.port)).toBe(true);
  });
});

describe("shutdown deadline", () => {
  const fakeApp = (errors: unknown[]) =>
    ({
      lifecycle: { draining: false },
      log: { info: () => {}, error: (...args: unknown[]) => errors.push(args) } as unknown as FastifyBaseLogger,
      close: () => new Promise(() => {}),
    }) as unknown as FastifyInstance;

  it("exits 1 with a log line when the drain outlasts SHUTDOWN_TIMEOUT_MS", async () => {
    const errors: unknown[] = [];
    const exits: number[] = [];
    const app = fakeApp(errors);
    const code = await shutDown(
      {
        app,
        stopBackground: async () => {},
        closeDatabase: async () => {},
        drainMs: 0,
        timeoutMs: 50,
        exit: (exitCode) => exits.push(exitCode),
      },
      "SIGTERM",
    );
    expect(code).toBe(1);
    expect(exits).toEqual([1]);
    expect(app.lifecycle.draining).toBe(true);
    expect(JSON.stringify(errors)).toContain("SHUTDOWN_TIMEOUT_MS");
  });

  it("exits 1 when a step fails, without waiting for the deadline", async () => {
    const exits: number[] = [];
    const started = Date.now();
    const code = await shutDown(
      {
        app: { ...fakeApp([]), close: async () => {} } as unknown as FastifyInstance,
        stopBackground: async () => {
          throw new Error("scheduler would not stop");
        },
        closeDatabase: async () => {},
        drainMs: 0,
        timeoutMs: 30_000,
        exit: (exitCode) => exits.push(exitCode),
      },
      "SIGINT",
    );
    expect(code).toBe(1);
    expect(exits).toEqual([1]);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
