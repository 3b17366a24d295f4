import { randomUUID } from "node:crypto";
import { and, eq, isNull, ne } from "drizzle-orm";
import type { z } from "zod";
import type { AllianceInput, AllianceUpdate, activityInput, memberInput } from "../../contracts/alliances";
import {
  activityDateIssue,
  decideDissolve,
  decideJoin,
  decideLeave,
  leadBaseIssue,
  type Membership,
} from "../../policy/alliances/membership";
import type { Refusal } from "../../policy/refusal";
import { authorize } from "../access/scope";
import { chinaDate } from "../clock";
import { type CommandContext, execute, type Invocation } from "../commands/command";
import { allianceActivities, allianceMembers, alliances, bases } from "../db/schema";
import { refused } from "../domain/refused";
import type { FileStore } from "../storage/files";
import type { FileContent } from "../storage/staged-file";
import { recordBaseEvent } from "../yearly/base-timeline";
import type { AllianceRow } from "./alliances.repository";

/** A policy refusal at the edge: 422 naming Art. 27 and the field, with its path moved where the form has it. */
function rule(refusal: Refusal, paths: Record<string, string> = {}) {
  const path = refusal.path ? (paths[refusal.path] ?? refusal.path) : undefined;
  return refused.rule({
    ...refusal,
    ...(path ? { path, errors: [{ path, messageZh: refusal.messageZh, messageEn: refusal.messageEn }] } : {}),
  });
}

const nameTaken = (name: string) =>
  refused.conflict({
    code: "alliance-name-taken",
    path: "name",
    messageZh: `已有名为“${name}”的联盟。`,
    messageEn: `An alliance named “${name}” exists.`,
    errors: [{ path: "name", messageZh: "联盟名称已被使用", messageEn: "Name already used" }],
  });

async function assertNameFree(context: CommandContext, name: string, exceptId?: string) {
  const [taken] = await context.tx
    .select({ id: alliances.id })
    .from(alliances)
    .where(exceptId ? and(eq(alliances.name, name), ne(alliances.id, exceptId)) : eq(alliances.name, name));
  if (taken) throw nameTaken(name);
}

async function baseFacts(context: CommandContext, baseId: string, path: string) {
  const [base] = await context.tx
    .select({ id: bases.id, status: bases.status, recognizedOn: bases.recognizedOn, name: bases.standardName })
    .from(bases)
    .where(eq(bases.id, baseId));
  if (!base) {
    throw refused.invalidInput("no-such-base", "基地不存在。", "No such base.", [
      { path, messageZh: "基地不存在", messageEn: "No such base" },
    ]);
  }
  return base;
}

async function lockAlliance(context: CommandContext, id: string): Promise<AllianceRow> {
  const [row] = await context.tx.select().from(alliances).where(eq(alliances.id, id)).for("update");
  if (!row) throw refused.notFound("Alliance", "联盟");
  return row;
}

const notDissolved = (row: AllianceRow) => {
  if (row.dissolvedOn !== null) {
    throw refused.conflict({
      code: "alliance-dissolved",
      article: "27",
      messageZh: "联盟已解散，不能再修改。",
      messageEn: "The alliance is dissolved and can no longer change.",
    });
  }
};

async function membershipsOf(context: CommandContext, allianceId: string, baseId?: string): Promise<Membership[]> {
  const rows = await context.tx
    .select()
    .from(allianceMembers)
    .where(
      baseId
        ? and(eq(allianceMembers.allianceId, allianceId), eq(allianceMembers.baseId, baseId))
        : eq(allianceMembers.allianceId, allianceId),
    );
  return rows.map((row) => ({ id: row.id, baseId: row.baseId, joinedOn: row.joinedOn, leftOn: row.leftOn }));
}

/** Art. 27: the department records an alliance; its lead base becomes its first member on the founding day. */
export async function createAlliance(invocation: Invocation, input: AllianceInput): Promise<string> {
  const { deps, actor, caller } = invocation;
  const id = randomUUID();
  return execute(deps, actor, "alliance.create", { type: "alliance", id }, async (context) => {
    await authorize(context.tx, caller, "alliance.manage");
    await assertNameFree(context, input.name);
    const today = chinaDate(context.clock.now());
    const lead = await baseFacts(context, input.leadBaseId, "leadBaseId");
    const joined = decideJoin({
      base: lead,
      alliance: { foundedOn: input.foundedOn, dissolvedOn: null },
      memberships: [],
      joinedOn: input.foundedOn,
      today,
    });
    if (!joined.ok) throw rule(joined.refusal, { joinedOn: "foundedOn", baseId: "leadBaseId" });
    const now = context.clock.now();
    await context.tx.insert(alliances).values({
      id,
      name: input.name,
      kind: input.kind,
      leadBaseId: lead.id,
      foundedOn: input.foundedOn,
      description: input.description,
      createdBy: actor.accountId,
      createdAt: now,
    });
    await context.tx.insert(allianceMembers).values({
      id: randomUUID(),
      allianceId: id,
      baseId: lead.id,
      joinedOn: input.foundedOn,
      createdBy: actor.accountId,
      createdAt: now,
    });
    await recordBaseEvent(
      context,
      lead.id,
      "alliance-joined",
      { allianceId: id, allianceName: input.name, article: "27", reason: "牵头基地" },
      input.foundedOn,
    );
    await context.audit({ changes: { ...input } });
    return id;
  });
}

/** Name, kind, lead base (a current member) and description; the founding day stays. */
export async function updateAlliance(invocation: Invocation, id: string, input: AllianceUpdate): Promise<void> {
  const { deps, actor, caller } = invocation;
  await execute(deps, actor, "alliance.update", { type: "alliance", id }, async (context) => {
    await authorize(context.tx, caller, "alliance.manage");
    const row = await lockAlliance(context, id);
    notDissolved(row);
    if (row.version !== input.expectedVersion) throw refused.staleVersion();
    await assertNameFree(context, input.name, id);
    const today = chinaDate(context.clock.now());
    const issue = leadBaseIssue(input.leadBaseId, await membershipsOf(context, id), today);
    if (issue) throw rule(issue);
    await context.tx
      .update(alliances)
      .set({
        name: input.name,
        kind: input.kind,
        leadBaseId: input.leadBaseId,
        description: input.description,
        version: row.version + 1,
      })
      .where(eq(alliances.id, id));
    const { expectedVersion: _, ...after } = input;
    await context.audit({
      changes: {
        before: { name: row.name, kind: row.kind, leadBaseId: row.leadBaseId, description: row.description },
        after,
      },
    });
  });
}

/** A base joins on `joinedOn` (Art. 27): in the series, on a day the alliance exists, never twice at once. */
export async function addAllianceMember(
  invocation: Invocation,
  id: string,
  input: z.infer<typeof memberInput>,
): Promise<string> {
  const { deps, actor, caller } = invocation;
  const memberId = randomUUID();
  return execute(deps, actor, "alliance.add-member", { type: "alliance", id }, async (context) => {
    await authorize(context.tx, caller, "alliance.manage");
    const row = await lockAlliance(context, id);
    notDissolved(row);
    const base = await baseFacts(context, input.baseId, "baseId");
    const joined = decideJoin({
      base,
      alliance: { foundedOn: row.foundedOn, dissolvedOn: row.dissolvedOn },
      memberships: await membershipsOf(context, id, base.id),
      joinedOn: input.joinedOn,
      today: chinaDate(context.clock.now()),
    });
    if (!joined.ok) throw rule(joined.refusal);
    await context.tx.insert(allianceMembers).values({
      id: memberId,
      allianceId: id,
      baseId: base.id,
      joinedOn: input.joinedOn,
      createdBy: actor.accountId,
      createdAt: context.clock.now(),
    });
    await recordBaseEvent(
      context,
      base.id,
      "alliance-joined",
      { allianceId: id, allianceName: row.name, article: "27" },
      input.joinedOn,
    );
    await context.audit({ targetType: "alliance-member", targetId: memberId, changes: { alliance: id, ...input } });
    return memberId;
  });
}

/** The membership ends on `leftOn` (a member every day before it); the lead base cannot leave. */
export async function endAllianceMembership(
  invocation: Invocation,
  id: string,
  memberId: string,
  leftOn: string,
): Promise<void> {
  const { deps, actor, caller } = invocation;
  await execute(deps, actor, "alliance.end-membership", { type: "alliance-member", id: memberId }, async (context) => {
    await authorize(context.tx, caller, "alliance.manage");
    const row = await lockAlliance(context, id);
    notDissolved(row);
    const [member] = await context.tx
      .select()
      .from(allianceMembers)
      .where(and(eq(allianceMembers.id, memberId), eq(allianceMembers.allianceId, id)));
    if (!member) throw refused.notFound("Membership", "成员记录");
    const left = decideLeave(member, leftOn, chinaDate(context.clock.now()), member.baseId === row.leadBaseId);
    if (!left.ok) throw rule(left.refusal);
    await context.tx.update(allianceMembers).set({ leftOn }).where(eq(allianceMembers.id, memberId));
    await recordBaseEvent(
      context,
      member.baseId,
      "alliance-left",
      { allianceId: id, allianceName: row.name, article: "27" },
      leftOn,
    );
    await context.audit({ changes: { alliance: id, base: member.baseId, joinedOn: member.joinedOn, leftOn } });
  });
}

/** What the alliance did (Art. 27): a meeting, a joint activity. */
export async function recordAllianceActivity(
  invocation: Invocation,
  id: string,
  input: z.infer<typeof activityInput>,
): Promise<string> {
  const { deps, actor, caller } = invocation;
  const activityId = randomUUID();
  return execute(deps, actor, "alliance.record-activity", { type: "alliance", id }, async (context) => {
    await authorize(context.tx, caller, "alliance.manage");
    const row = await lockAlliance(context, id);
    const issue = activityDateIssue(row, input.heldOn, chinaDate(context.clock.now()));
    if (issue) throw rule(issue);
    await context.tx.insert(allianceActivities).values({
      id: activityId,
      allianceId: id,
      ...input,
      createdBy: actor.accountId,
      createdAt: context.clock.now(),
    });
    await context.audit({ changes: { activity: activityId, ...input } });
    return activityId;
  });
}

/** Dissolving ends every current membership on that day; each member's timeline says so. */
export async function dissolveAlliance(invocation: Invocation, id: string, dissolvedOn: string): Promise<void> {
  const { deps, actor, caller } = invocation;
  await execute(deps, actor, "alliance.dissolve", { type: "alliance", id }, async (context) => {
    await authorize(context.tx, caller, "alliance.manage");
    const row = await lockAlliance(context, id);
    const decided = decideDissolve(row, dissolvedOn, chinaDate(context.clock.now()));
    if (!decided.ok) throw rule(decided.refusal);
    const open = await context.tx
      .select()
      .from(allianceMembers)
      .where(and(eq(allianceMembers.allianceId, id), isNull(allianceMembers.leftOn)));
    if (open.some((member) => member.joinedOn >= dissolvedOn)) {
      throw rule({
        code: "dissolved-before-member-joined",
        article: "27",
        path: "dissolvedOn",
        messageZh: "解散日期须晚于每个现有成员的加入日期。",
        messageEn: "The dissolution must fall after every current member joined.",
      });
    }
    await context.tx
      .update(allianceMembers)
      .set({ leftOn: dissolvedOn })
      .where(and(eq(allianceMembers.allianceId, id), isNull(allianceMembers.leftOn)));
    for (const member of open) {
      await recordBaseEvent(
        context,
        member.baseId,
        "alliance-left",
        { allianceId: id, allianceName: row.name, article: "27", reason: "联盟解散" },
        dissolvedOn,
      );
    }
    await context.tx
      .update(alliances)
      .set({ dissolvedOn, version: row.version + 1 })
      .where(eq(alliances.id, id));
    await context.audit({ changes: { dissolvedOn, membersEnded: open.length } });
  });
}

/** The charter (章程) as a PDF or Word file; a new upload replaces the previous one (kept in the audit). */
export async function uploadAllianceCharter(
  invocation: Invocation,
  store: FileStore,
  id: string,
  upload: { name: string; content: FileContent },
): Promise<void> {
  const { deps, actor, caller } = invocation;
  await execute(deps, actor, "alliance.upload-charter", { type: "alliance", id }, async (context) => {
    await authorize(context.tx, caller, "alliance.manage");
    const row = await lockAlliance(context, id);
    notDissolved(row);
    const stored = await store.save(
      context.tx,
      context.clock,
      { name: upload.name, content: upload.content, uploadedBy: actor.accountId },
      ["pdf", "docx"],
      20 * 1024 * 1024,
    );
    await context.tx
      .update(alliances)
      .set({ charterFileId: stored.id, version: row.version + 1 })
      .where(eq(alliances.id, id));
    await context.audit({
      changes: { charter: { id: stored.id, name: stored.name, sha256: stored.sha256 }, replaced: row.charterFileId },
    });
  });
}
