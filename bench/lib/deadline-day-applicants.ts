/**
 * The database bench/deadline-day.ts serves, made in a process of its own so the platform's process starts on it as
 * a server starts on its data (what setting up 500 accounts leaves in memory is not the platform's RSS): migrated,
 * reference data, the demo, then BENCH_APPLICANTS host units the way the demo's own applicants come to be
 * (server/demo/demo-applicants.ts) — the unit entered, its administrator's account created by the system
 * administrator and approved by the security administrator — each starting a draft in the demo's open call as itself.
 * Environment: DATA_DIR, and DATABASE_URL for PostgreSQL. Output: one JSON line, `DeadlineDayApplicant[]`.
 */
import { and, eq, gte, lte } from "drizzle-orm";
import { usccCheckDigit } from "../../policy/uscc";
import { systemClock } from "../../server/clock";
import { systemActor } from "../../server/commands/command";
import { createAccount } from "../../server/commands/create-account";
import { decideRoleGrant } from "../../server/commands/role-grants";
import { createUnit } from "../../server/commands/save-unit";
import { loadConfig } from "../../server/config/config";
import { openEmbedded, openPostgres } from "../../server/db/client";
import { calls, recommenders, roleGrants } from "../../server/db/schema";
import { demoPassword } from "../../server/demo/demo-accounts";
import { demoInvocation } from "../../server/demo/demo-invocation";
import { loadDemo } from "../../server/demo/load-demo";
import { createApplication } from "../../server/recognition/save-application";
import { seedReferenceData } from "../../server/reference/seed-reference";

export interface DeadlineDayApplicant {
  username: string;
  applicationId: string;
}

// The configuration first: on an empty data directory it generates the demo keys the database is then made with.
const config = loadConfig();
const database = config.databaseUrl ? await openPostgres(config.databaseUrl, 2) : await openEmbedded(config.dataDir);
await database.migrate();
const deps = { database, clock: systemClock, keys: config.keys };
await seedReferenceData(deps);
await loadDemo(deps, config);

const db = database.db;
const now = systemClock.now();
const [call] = await db
  .select({ id: calls.id })
  .from(calls)
  .where(and(eq(calls.status, "open"), lte(calls.opensAt, now), gte(calls.closesAt, now)));
const [wuhan] = await db.select({ id: recommenders.id }).from(recommenders).where(eq(recommenders.code, "420100"));
if (!call || !wuhan) throw new Error("the demo has no open call or no Wuhan recommender");
const sysadmin = await demoInvocation(deps, "sysadmin");
const secadmin = await demoInvocation(deps, "secadmin");
const applicants: DeadlineDayApplicant[] = [];
for (let index = 0; index < Number(process.env.BENCH_APPLICANTS ?? 500); index += 1) {
  const first17 = `91420100MA4${String(index).padStart(6, "0")}`;
  const name = `截止日压测单位${index}有限公司`;
  const unitId = await createUnit(
    { deps, actor: systemActor },
    {
      name,
      uscc: first17 + usccCheckDigit(first17),
      type: "enterprise",
      divisionCode: "420100",
      address: "",
      parentUnitId: null,
      college: null,
      directRecommending: false,
      recommenderId: wuhan.id,
      legalRepresentative: "压测",
      contactName: "国际合作部",
      contactPhone: "027-87000000",
    },
  );
  const username = `bench.deadline${index}`;
  const accountId = await createAccount(sysadmin, {
    username,
    displayName: `${name} 管理员`,
    initialPassword: demoPassword,
    unitId,
    recommenderId: null,
    isUnitAdmin: true,
    roles: ["applicant"],
    isDemo: true,
  });
  for (const grant of await db.select().from(roleGrants).where(eq(roleGrants.accountId, accountId))) {
    await decideRoleGrant(secadmin, { grantId: grant.id, decision: "approve", reason: "压测" });
  }
  const applicant = await demoInvocation(deps, username);
  const applicationId = await createApplication(deps, applicant.actor, applicant.caller, { callId: call.id });
  applicants.push({ username, applicationId });
}
await database.close();
process.stdout.write(`${JSON.stringify(applicants)}\n`);
