import { readdirSync } from "node:fs";
import { z } from "zod";
import { migrationsFolder } from "../../db/client";
import { appliedMigrationsIfUp } from "../../db/readiness";
import type { RouteDeps, TypedApp } from "../types";

const readiness = z.object({
  status: z.enum(["ready", "not-ready", "draining"]),
  database: z.string(),
  migrations: z.string(),
});

const expectedMigrations = readdirSync(migrationsFolder).filter((name) => name.endsWith(".sql")).length;

export async function healthRoutes(app: TypedApp, deps: RouteDeps) {
  app.get(
    "/healthz",
    {
      config: { public: true },
      schema: {
        hide: true,
        response: { 200: z.object({ status: z.literal("ok"), demoClock: z.string().optional() }) },
      },
    },
    // With DEMO_CLOCK the platform runs at a chosen time: say so, so nobody mistakes it for the real one.
    async () => ({
      status: "ok" as const,
      ...(deps.config.demoClock ? { demoClock: deps.clock.now().toISOString() } : {}),
    }),
  );

  app.get(
    "/readyz",
    {
      config: { public: true },
      schema: {
        hide: true,
        response: {
          200: readiness,
          503: readiness,
        },
      },
    },
    async (_request, reply) => {
      // Shutting down (http/shutdown.ts): the proxy should stop sending requests here while in-flight ones finish.
      if (app.lifecycle.draining) {
        return reply.code(503).send({ status: "draining", database: deps.database.kind, migrations: "-" });
      }
      try {
        const applied = await appliedMigrationsIfUp(deps.database);
        const ready = applied >= expectedMigrations;
        return reply.code(ready ? 200 : 503).send({
          status: ready ? "ready" : "not-ready",
          database: deps.database.kind,
          migrations: `${applied}/${expectedMigrations}`,
        });
      } catch (error) {
        return reply.code(503).send({ status: "not-ready", database: String(error).slice(0, 200), migrations: "?" });
      }
    },
  );
}
