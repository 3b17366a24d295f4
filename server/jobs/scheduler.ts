import cronParser from "cron-parser";
import type { FastifyBaseLogger } from "fastify";
import PgBoss from "pg-boss";
import type { CommandDeps } from "../commands/command";
import { sendReminders } from "../reminders/send-reminders";
import { markMissedReports } from "../yearly/report-deadlines";

/**
 * The platform's scheduled jobs. On PostgreSQL they run on pg-boss: jobs and schedules are rows, so they survive a
 * restart, and with several app nodes a job runs on one of them. The embedded database serves one process (its
 * data directory is locked), so there they run on a timer in that process, at start (catching up) and then at each
 * time the same cron expression names: pg-boss's multi-statement transactions would share PGlite's single connection
 * with the app's own.
 * Each job decides with the platform clock (deps.clock) and is idempotent, so a job that runs late, or twice,
 * changes nothing twice.
 */
export const scheduledJobs = [
  {
    name: "report-deadlines",
    // Every 10 minutes, China time: a report is marked within 10 minutes of its deadline day ending.
    cron: "*/10 * * * *",
    run: (deps: CommandDeps) => markMissedReports(deps),
  },
  {
    name: "send-reminders",
    // Hourly, China time; the job itself waits for 08:00, so the day's reminders go out at 08:00 and a node that was
    // down then (or the embedded runner at start) catches up within the hour. Each reminder is sent once (its key).
    cron: "0 * * * *",
    run: (deps: CommandDeps) => sendReminders(deps),
  },
] as const;

/** The jobs' time zone: the platform's dates are China dates. */
const timeZone = "Asia/Shanghai";

/** Milliseconds from `now` to the next time `cron` names in China time (real time: a demo clock runs at its pace). */
export function untilNext(cron: string, now: Date): number {
  const next = cronParser.parseExpression(cron, { currentDate: now, tz: timeZone }).next().getTime();
  return Math.max(1_000, next - now.getTime());
}

export interface Scheduler {
  /** Runs a job now (tests, and an operator's catch-up), through the queue like the schedule does. */
  runNow(name: JobName): Promise<string | null>;
  stop(): Promise<void>;
}

type JobName = (typeof scheduledJobs)[number]["name"];

/** The embedded database's runner: each job at start and every interval, never two runs of one job at once. */
function startLocalScheduler(deps: CommandDeps, log: FastifyBaseLogger): Scheduler {
  const running = new Map<JobName, Promise<unknown>>();
  const run = (job: (typeof scheduledJobs)[number]) => {
    const current = running.get(job.name);
    if (current) return current;
    const next = job
      .run(deps)
      .then((result) => log.info({ job: job.name, result }, "scheduled job done"))
      .catch((error) => log.error({ err: error, job: job.name }, "scheduled job failed"))
      .finally(() => running.delete(job.name));
    running.set(job.name, next);
    return next;
  };
  const timers = new Map<JobName, NodeJS.Timeout>();
  let stopped = false;
  const plan = (job: (typeof scheduledJobs)[number]) => {
    if (stopped) return;
    const timer = setTimeout(
      () => {
        void run(job);
        plan(job);
      },
      untilNext(job.cron, new Date()),
    );
    timers.set(job.name, timer);
  };
  for (const job of scheduledJobs) {
    void run(job);
    plan(job);
  }
  return {
    async runNow(name) {
      const job = scheduledJobs.find((entry) => entry.name === name)!;
      await run(job);
      return `local:${name}`;
    },
    async stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      await Promise.all(running.values());
    },
  };
}

export async function startScheduler(deps: CommandDeps, log: FastifyBaseLogger): Promise<Scheduler> {
  if (deps.database.kind === "pglite") return startLocalScheduler(deps, log);
  const boss = new PgBoss({
    db: { executeSql: (text, values) => deps.database.executeSql(text, values) },
    schema: "pgboss",
    pollingIntervalSeconds: 2,
  });
  boss.on("error", (error) => log.error({ err: error }, "scheduler error"));
  await boss.start();
  for (const job of scheduledJobs) {
    await boss.createQueue(job.name, { name: job.name, policy: "singleton" });
    await boss.schedule(job.name, job.cron, {}, { tz: timeZone });
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
