import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyInstance } from "fastify";

/** Set once a shutdown begins: /readyz answers 503 from then on while /healthz stays 200. */
export interface Lifecycle {
  draining: boolean;
}

declare module "fastify" {
  interface FastifyInstance {
    lifecycle: Lifecycle;
  }
}

export interface ShutdownPlan {
  app: FastifyInstance;
  /** Stops the background loops (outbox, housekeeping, scheduler), resolving once the work they had begun is done. */
  stopBackground: () => Promise<unknown>;
  closeDatabase: () => Promise<void>;
  /** `SHUTDOWN_DRAIN_MS`: how long /readyz answers 503 before the listener closes, for the proxy to notice. */
  drainMs: number;
  /** `SHUTDOWN_TIMEOUT_MS`: past this, the process exits 1 whatever is still running. */
  timeoutMs: number;
  /** process.exit, replaced in tests. */
  exit?: (code: number) => void;
  /** The drain wait, replaced in tests to hold the node in its draining state. */
  wait?: (ms: number) => Promise<unknown>;
}

/**
 * Drains and stops one node: /readyz turns 503 first so the proxy stops sending new requests here, then (after
 * `drainMs`) the background loops stop while `app.close()` lets in-flight requests finish (idle keep-alive sockets
 * are closed, new requests get 503, new connections are refused), and the database closes last. Exits 0, or 1 on
 * an error or when `timeoutMs` runs out. Resolves with the exit code.
 */
export async function shutDown(plan: ShutdownPlan, signal: string): Promise<number> {
  const { app, timeoutMs } = plan;
  const exit = plan.exit ?? ((code: number) => process.exit(code));
  app.lifecycle.draining = true;
  app.log.info({ signal, drainMs: plan.drainMs, timeoutMs }, "shutting down: draining");
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<number>((resolve) => {
    timer = setTimeout(() => {
      app.log.error({ timeoutMs }, "shutdown did not finish within SHUTDOWN_TIMEOUT_MS: exiting with work cut off");
      resolve(1);
    }, timeoutMs);
  });
  const drained = drain(plan).then(
    () => 0,
    (error: unknown) => {
      app.log.error({ err: error }, "shutdown failed");
      return 1;
    },
  );
  const code = await Promise.race([drained, deadline]);
  clearTimeout(timer);
  if (code === 0) app.log.info("shut down");
  exit(code);
  return code;
}

async function drain(plan: ShutdownPlan) {
  await (plan.wait ?? sleep)(plan.drainMs);
  await Promise.all([plan.stopBackground(), plan.app.close()]);
  await plan.closeDatabase();
}

/** SIGTERM (the orchestrator) and SIGINT (Ctrl-C) start one shutdown; a second signal changes nothing. */
export function shutDownOnSignals(plan: ShutdownPlan) {
  let started = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (started) {
      plan.app.log.warn({ signal }, "already shutting down");
      return;
    }
    started = true;
    void shutDown(plan, signal);
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
