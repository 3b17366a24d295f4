import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { AllianceAction, AllianceDetail, AllianceSummary, PublicAlliance } from "../../contracts/alliances";
import type { Ability } from "../../policy/access/abilities";
import { isMemberOn } from "../../policy/alliances/membership";
import { allianceKindOf } from "../../policy/reference/alliance-kinds";
import type { Caller } from "../access/caller";
import { authorize, resolveScope } from "../access/scope";
import type { Executor } from "../db/client";
import { allianceActivities, allianceMembers, alliances, bases, files, units } from "../db/schema";
import { publicBaseStates } from "../decision/public-bases.repository";
import { refused } from "../domain/refused";

export type AllianceRow = typeof alliances.$inferSelect;
export type MemberRow = typeof allianceMembers.$inferSelect;

const kindLabels = (kind: string) => {
  const found = allianceKindOf(kind);
  return { kindZh: found.nameZh, kindEn: found.nameEn };
};

async function baseNames(
  executor: Executor,
  ids: string[],
): Promise<Map<string, { name: string; unitName: string; status: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: bases.id, name: bases.standardName, unitName: units.name, status: bases.status })
    .from(bases)
    .innerJoin(units, eq(units.id, bases.unitId))
    .where(inArray(bases.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row]));
}

async function membersOf(executor: Executor, allianceIds: string[]): Promise<MemberRow[]> {
  if (allianceIds.length === 0) return [];
  return executor
    .select()
    .from(allianceMembers)
    .where(inArray(allianceMembers.allianceId, allianceIds))
    .orderBy(asc(allianceMembers.joinedOn), asc(allianceMembers.createdAt));
}

/** Every alliance, newest first, with its members counted on `today` (alliance.read: every signed-in role). */
export async function listAlliances(executor: Executor, caller: Caller, today: string): Promise<AllianceSummary[]> {
  await authorize(executor, caller, "alliance.read");
  const rows = await executor.select().from(alliances).orderBy(desc(alliances.foundedOn), asc(alliances.name));
  const members = await membersOf(
    executor,
    rows.map((row) => row.id),
  );
  const names = await baseNames(
    executor,
    rows.map((row) => row.leadBaseId),
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    ...kindLabels(row.kind),
    leadBaseId: row.leadBaseId,
    leadBaseName: names.get(row.leadBaseId)?.name ?? "",
    foundedOn: row.foundedOn,
    dissolvedOn: row.dissolvedOn,
    memberCount: members.filter((member) => member.allianceId === row.id && isMemberOn(member, today)).length,
  }));
}

export async function requireAlliance(executor: Executor, id: string): Promise<AllianceRow> {
  const [row] = await executor.select().from(alliances).where(eq(alliances.id, id));
  if (!row) throw refused.notFound("Alliance", "联盟");
  return row;
}

/** What the caller may do next on the alliance: the department's commands while it exists. */
function actionsOf(row: AllianceRow, manage: boolean): AllianceAction[] {
  if (!manage || row.dissolvedOn !== null) return [];
  return ["edit", "add-member", "end-membership", "record-activity", "upload-charter", "dissolve"];
}

export async function presentAlliance(
  executor: Executor,
  caller: Caller,
  row: AllianceRow,
  today: string,
): Promise<AllianceDetail> {
  const manage = (await resolveScope(executor, caller, "alliance.manage")) !== null;
  const members = await membersOf(executor, [row.id]);
  const names = await baseNames(executor, [row.leadBaseId, ...members.map((member) => member.baseId)]);
  const activities = await executor
    .select()
    .from(allianceActivities)
    .where(eq(allianceActivities.allianceId, row.id))
    .orderBy(desc(allianceActivities.heldOn), desc(allianceActivities.createdAt));
  const [charter] = row.charterFileId
    ? await executor
        .select({ id: files.id, name: files.name, size: files.size })
        .from(files)
        .where(eq(files.id, row.charterFileId))
    : [];
  const abilities: Ability[] = ["alliance.read", ...(manage ? (["alliance.manage"] as const) : [])];
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    ...kindLabels(row.kind),
    leadBaseId: row.leadBaseId,
    leadBaseName: names.get(row.leadBaseId)?.name ?? "",
    foundedOn: row.foundedOn,
    dissolvedOn: row.dissolvedOn,
    memberCount: members.filter((member) => isMemberOn(member, today)).length,
    description: row.description,
    charter: charter ?? null,
    members: members.map((member) => ({
      id: member.id,
      baseId: member.baseId,
      baseName: names.get(member.baseId)?.name ?? "",
      unitName: names.get(member.baseId)?.unitName ?? "",
      joinedOn: member.joinedOn,
      leftOn: member.leftOn,
      current: isMemberOn(member, today),
      isLead: member.baseId === row.leadBaseId && member.leftOn === null,
    })),
    activities: activities.map((activity) => ({
      id: activity.id,
      heldOn: activity.heldOn,
      title: activity.title,
      summary: activity.summary,
    })),
    version: row.version,
    abilities,
    availableActions: actionsOf(row, manage),
  };
}

/** A base's alliances, for its page: every membership, current first. */
export async function alliancesOfBase(executor: Executor, baseId: string) {
  const rows = await executor
    .select({ member: allianceMembers, alliance: alliances })
    .from(allianceMembers)
    .innerJoin(alliances, eq(alliances.id, allianceMembers.allianceId))
    .where(eq(allianceMembers.baseId, baseId))
    .orderBy(desc(allianceMembers.joinedOn));
  return rows.map(({ member, alliance }) => ({
    allianceId: alliance.id,
    name: alliance.name,
    ...kindLabels(alliance.kind),
    joinedOn: member.joinedOn,
    leftOn: member.leftOn,
    isLead: alliance.leadBaseId === baseId && member.leftOn === null,
    dissolvedOn: alliance.dissolvedOn,
  }));
}

/**
 * The public site's alliances (Art. 27): those not dissolved, with the current members whose bases are on the public
 * registry, and the activities. Names and dates only: no unit, people, files or member history.
 */
export async function listPublicAlliances(executor: Executor, today: string): Promise<PublicAlliance[]> {
  const rows = await executor.select().from(alliances).orderBy(desc(alliances.foundedOn), asc(alliances.name));
  const live = rows.filter((row) => row.dissolvedOn === null);
  const members = await membersOf(
    executor,
    live.map((row) => row.id),
  );
  const names = await baseNames(executor, [
    ...live.map((row) => row.leadBaseId),
    ...members.map((member) => member.baseId),
  ]);
  const isPublic = (baseId: string) =>
    (publicBaseStates as readonly string[]).includes(names.get(baseId)?.status ?? "");
  const activities =
    live.length === 0
      ? []
      : await executor
          .select()
          .from(allianceActivities)
          .where(
            and(
              inArray(
                allianceActivities.allianceId,
                live.map((row) => row.id),
              ),
            ),
          )
          .orderBy(desc(allianceActivities.heldOn));
  return live.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    ...kindLabels(row.kind),
    leadBaseName: isPublic(row.leadBaseId) ? (names.get(row.leadBaseId)?.name ?? "") : "",
    foundedOn: row.foundedOn,
    description: row.description,
    members: members
      .filter((member) => member.allianceId === row.id && isMemberOn(member, today) && isPublic(member.baseId))
      .map((member) => ({ baseName: names.get(member.baseId)?.name ?? "", joinedOn: member.joinedOn })),
    activities: activities
      .filter((activity) => activity.allianceId === row.id)
      .map((activity) => ({ heldOn: activity.heldOn, title: activity.title, summary: activity.summary })),
  }));
}
