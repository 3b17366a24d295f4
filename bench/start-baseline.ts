/**
 * The floor under `npm start` (bench/start.ts, P4): bare Fastify and PGlite (with pg_trgm, as server/db/client.ts
 * opens it) in DATA_DIR, one query, listening; /readyz answers once the database does. On a fresh directory this is
 * the floor of a first start (PGlite's initdb), on a used one the floor of a restart.
 */
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import Fastify from "fastify";

const client = await PGlite.create({
  dataDir: join(process.env.DATA_DIR ?? "data", "pgdata"),
  extensions: { pg_trgm },
});
await client.exec("create extension if not exists pg_trgm");
const app = Fastify();
app.get("/readyz", async () => (await client.query("select 1 as one")).rows[0]);
await app.listen({ port: Number(process.env.PORT ?? 3992), host: "127.0.0.1" });
