import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Rubric } from "../../policy/grading/rubric";
import { type Caller, primaryRole } from "../access/caller";
import { loadSession } from "../auth/sessions";
import type { Invocation } from "../commands/command";
import type { Executor } from "../db/client";
import { accounts, applications, calls, recommenders, units } from "../db/schema";
import type { TestApp } from "./harness";

/** Factories insert rows directly: the state under test, built fast, on either database. */

export const sampleRubric: Rubric = {
  id: "rubric-2026",
  year: 2026,
  titleZh: "2026年度省国合基地认定评审指标",
  indicators: [
    { id: "foundation", labelZh: "合作基础", weight: 0.4, min: 0, max: 40 },
    { id: "team", labelZh: "团队与负责人", weight: 0.3, min: 0, max: 30 },
    { id: "plan", labelZh: "建设方案", weight: 0.3, min: 0, max: 30 },
  ],
};

export async function createCall(executor: Executor, overrides: Partial<typeof calls.$inferInsert> = {}) {
  const id = randomUUID();
  await executor.insert(calls).values({
    id,
    year: 2026,
    kind: "annual",
    titleZh: "关于开展2026年度湖北省国际科技合作基地认定工作的通知",
    titleEn: "2026 call for provincial international S&T cooperation bases",
    opensAt: new Date("2026-03-01T00:00:00Z"),
    closesAt: new Date("2026-03-31T15:59:59Z"),
    deadline: "2026-03-31",
    rubric: sampleRubric,
    status: "open",
    edition: "2025",
    createdAt: new Date("2026-03-01T00:00:00Z"),
    ...overrides,
  });
  return id;
}

export async function unitIdByName(executor: Executor, name: string): Promise<string> {
  const [row] = await executor.select({ id: units.id }).from(units).where(eq(units.name, name));
  if (!row) throw new Error(`no unit named ${name}`);
  return row.id;
}

export async function recommenderIdByCode(executor: Executor, code: string): Promise<string> {
  const [row] = await executor.select({ id: recommenders.id }).from(recommenders).where(eq(recommenders.code, code));
  if (!row) throw new Error(`no recommender ${code}`);
  return row.id;
}

/** An application of a demo unit, held by the unit's recommender, in the given state. */
export async function createApplication(
  executor: Executor,
  options: { callId: string; unitName: string; state: string; field?: string } & Partial<
    typeof applications.$inferInsert
  >,
) {
  const { callId, unitName, state, field, ...overrides } = options;
  const unitId = await unitIdByName(executor, unitName);
  const [unit] = await executor.select({ recommenderId: units.recommenderId }).from(units).where(eq(units.id, unitId));
  const id = randomUUID();
  const now = new Date("2026-03-05T02:00:00Z");
  await executor.insert(applications).values({
    id,
    callId,
    unitId,
    recommenderId: unit!.recommenderId,
    state,
    type: "joint-research",
    field: field ?? "人工智能",
    standardName: `湖北省${field ?? "人工智能"}国际科技合作基地（联合研究）`,
    // Past the draft, an application was submitted once (the recommender and the department see it, Art. 14.1).
    submittedAt: state === "draft" ? null : now,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  });
  return id;
}

/** The Caller a signed-in demo account becomes, for calling commands directly. */
export async function callerOf(t: TestApp, username: string): Promise<Caller> {
  const agent = await t.login(username);
  const response = await agent.get("/api/auth/me");
  const [account] = await t.database.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.username, username));
  if (response.statusCode !== 200 || !account) throw new Error(`cannot sign in ${username}`);
  const token = agent.cookie.match(/sid=([^;]+)/)?.[1] ?? "";
  const found = await loadSession(t.database, t.clock, token);
  if (!found || !("caller" in found)) throw new Error(`no session for ${username}`);
  return found.caller;
}

/** A signed-in demo account invoking a command directly, as a route would for its request. */
export async function invocationAs(t: TestApp, username: string): Promise<Invocation> {
  const caller = await callerOf(t, username);
  return {
    deps: { database: t.database, clock: t.clock, keys: t.config.keys },
    caller,
    actor: {
      accountId: caller.accountId,
      name: caller.displayName,
      role: primaryRole(caller),
      ip: null,
      requestId: null,
    },
  };
}
