/**
 * The floor under `npm start`'s restart: bare Fastify and PGlite (with pg_trgm, as server/db/client.ts opens it) on a
 * data directory the server has already used, one query, listening. Time it to the first 200 from /readyz:
 * `DATA_DIR=<that directory> PORT=3992 node --import tsx bench/start-baseline.ts`.
 */
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import Fastify from "fastify";

const client = await PGlite.create({
  dataDir: join(process.env.DATA_DIR ?? "data", "pgdata"),
  extensions: { pg_trgm },
});
const app = Fastify();
app.get("/readyz", async () => (await client.query("select count(*) from drizzle.__drizzle_migrations")).rows[0]);
await app.listen({ port: Number(process.env.PORT ?? 3992), host: "127.0.0.1" });
