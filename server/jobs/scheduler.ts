import type { FastifyBaseLogger } from "fastify";
import PgBoss from "pg-boss";
import type { CommandDeps } from "../commands/command";
import { markMissedReports } from "../yearly/report-deadlines";

/**
 * The platform's scheduled jobs, on pg-boss in the platform's own database (PostgreSQL, or PGlite through
 * `Database.executeSql`): jobs and schedules are rows, so they survive a restart, and with several app nodes a job
 * runs on one of them. Each job decides with the platform clock (deps.clock) and is idempotent, so a job that runs
 * late, or twice, changes nothing twice. Reminders (part 2 of the life of a base) register here.
 */
export const scheduledJobs = [
  {
    name: "report-deadlines",
    // Every 10 minutes, China time: a report is marked within 10 minutes of its deadline day ending.
    cron: "*/10 * * * *",
    run: (deps: CommandDeps) => markMissedReports(deps),
  },
] as const;

export interface Scheduler {
  /** Runs a job now (tests, and an operator's catch-up), through the queue like the schedule does. */
  runNow(name: (typeof scheduledJobs)[number]["name"]): Promise<string | null>;
  stop(): Promise<void>;
}

export async function startScheduler(deps: CommandDeps, log: FastifyBaseLogger): Promise<Scheduler> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => deps.database.executeSql(text, values) },
    schema: "pgboss",
    // One embedded connection: poll gently; maintenance keeps the job tables small.
    pollingIntervalSeconds: 2,
  });
  boss.on("error", (error) => log.error({ err: error }, "scheduler error"));
  await boss.start();
  for (const job of scheduledJobs) {
    await boss.createQueue(job.name, { name: job.name, policy: "singleton" });
    await boss.schedule(job.name, job.cron, {}, { tz: "Asia/Shanghai" });
    await boss.work(job.name, async () => {
      const result = await job.run(deps);
      log.info({ job: job.name, result }, "scheduled job done");
      return { result };
    });
  }
  return {
    runNow: (name) => boss.send(name, {}),
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}
