// `npm run openapi`: writes the OpenAPI document the server serves at /api/docs/json to docs/openapi.json, the
// versioned copy integrators read, then the web's client types generated from that copy (web/src/api/schema.d.ts).
// Built from the routes with the default settings (servers: http://localhost:3000, no PUBLIC_BASE_URL) on an empty
// in-memory database: the document holds no data, no timestamps, and its keys are in a fixed order, so the same code
// always writes the same bytes.
// server/openapi/openapi.test.ts fails when the committed copy and the served document differ, and when the
// committed types are not what openapi-typescript makes of the committed copy.
// `npm run openapi -- --types` regenerates only the types, from docs/openapi.json as it is (after a merge of it).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildApp } from "../server/app";
import { ManualClock } from "../server/clock";
import { loadConfig } from "../server/config/config";
import { openEmbedded } from "../server/db/client";
import { clientTypesPath, clientTypesText } from "../server/openapi/client-types";
import { openApiPath, openApiText } from "../server/openapi/document";

if (process.argv.includes("--types")) {
  writeFileSync(clientTypesPath, await clientTypesText(readFileSync(openApiPath, "utf8")));
  console.log(`${clientTypesPath} generated from ${openApiPath}`);
  process.exit(0);
}

const dataDir = mkdtempSync(join(tmpdir(), "guohe-openapi-"));
try {
  // Only the defaults: the environment's PUBLIC_BASE_URL, PORT etc. must not leak into the committed copy.
  const config = loadConfig({
    DATA_DIR: dataDir,
    DEMO: "1",
    LOG_LEVEL: "silent",
    AUDIT_KEY: "0".repeat(64),
    PII_KEY: "0".repeat(64),
  });
  const database = await openEmbedded(null);
  const app = await buildApp({ config, database, clock: new ManualClock(new Date(0)), logger: false });
  await app.ready();
  const response = await app.inject({ method: "GET", url: "/api/docs/json" });
  if (response.statusCode !== 200) throw new Error(`GET /api/docs/json → ${response.statusCode} ${response.body}`);
  const text = openApiText(response.json());
  writeFileSync(openApiPath, text);
  writeFileSync(clientTypesPath, await clientTypesText(text));
  const document = response.json() as { paths: Record<string, object>; components: { schemas: object } };
  const operations = Object.values(document.paths).reduce((n, path) => n + Object.keys(path).length, 0);
  console.log(
    `${openApiPath}: ${Object.keys(document.paths).length} paths, ${operations} operations, ` +
      `${Object.keys(document.components.schemas).length} schemas; ${clientTypesPath} generated from it`,
  );
  await app.close();
  await database.close();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
