import { buildApp } from "./app";
import { RunningClock, systemClock } from "./clock";
import { systemActor } from "./commands/command";
import { ConfigError, loadConfig } from "./config/config";
import { type Database, openEmbedded, openPostgres } from "./db/client";
import { DataDirLockedError } from "./db/data-dir-lock";
import { sealObjectionContacts } from "./decision/seal-objection-contacts";
import { loadDemo } from "./demo/load-demo";
import { shutDownOnSignals } from "./http/shutdown";
import { startScheduler } from "./jobs/scheduler";
import { startWorkers } from "./outbox/workers";
import { seedReferenceData } from "./reference/seed-reference";
import { fileStoreFor } from "./storage/files";

async function main() {
  const config = loadConfig();
  if (config.keyFile?.created) {
    console.log(`演示密钥已生成，保存在 ${config.keyFile.path} / demo keys generated in ${config.keyFile.path}`);
  }
  const clock = config.demoClock ? new RunningClock(config.demoClock) : systemClock;
  const database: Database = config.databaseUrl
    ? await openPostgres(config.databaseUrl)
    : await openEmbedded(config.dataDir);
  await database.migrate();
  const deps = { database, clock, keys: config.keys };
  // Data the migrations cannot move for want of the personal-data key: objectors' contacts from before 0013.
  await sealObjectionContacts({ deps, actor: systemActor });
  await seedReferenceData(deps);
  if (config.demo && (await loadDemo(deps, config))) {
    console.log("演示数据已载入 / demo data loaded");
  }
  const app = await buildApp({ config, database, clock });
  const workers = startWorkers(deps, app.log, config.smtpUrl, fileStoreFor(config));
  const scheduler = await startScheduler(deps, app.log);
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    `国合基地管理平台 ready on http://localhost:${config.port} (${database.kind}${database.kind === "pglite" ? ` in ${config.dataDir}` : ""}${config.demo ? ", demo mode" : ""}${config.demoClock ? `, demo clock ${clock.now().toISOString()}` : ""})`,
  );
  shutDownOnSignals({
    app,
    stopBackground: () => Promise.all([workers.stop(), scheduler.stop()]),
    closeDatabase: () => database.close(),
    ...config.shutdown,
  });
}

main().catch((error) => {
  if (error instanceof DataDirLockedError || error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
