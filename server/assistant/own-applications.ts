import { and, desc, eq } from "drizzle-orm";
import type { OwnApplication } from "../../assistant/own-application";
import { can } from "../../policy/access/abilities";
import { type ApplicationState, applicationLifecycle } from "../../policy/lifecycles/application.transitions";
import type { Caller } from "../access/caller";
import { resolveScope } from "../access/scope";
import type { Executor } from "../db/client";
import { applications, calls } from "../db/schema";
import { applicationRows, nameOf } from "../recognition/applications.repository";

/** The applications the assistant speaks of: the most recently worked on. */
const recent = 3;

/**
 * A signed-in host unit's own applications for the assistant, through the same read scope as the applications list
 * and limited to the caller's unit. Anyone else — signed out, an officer, a recommender — has none: undefined.
 */
export async function ownApplications(
  executor: Executor,
  caller: Caller | null,
): Promise<OwnApplication[] | undefined> {
  if (!caller?.unitId || !can(caller.roles, "application.read")) return undefined;
  const scope = await resolveScope(executor, caller, "application.read");
  if (!scope) return undefined;
  const rows = await executor
    .select({
      id: applications.id,
      type: applications.type,
      field: applications.field,
      isKey: applications.isKey,
      region: applications.region,
      state: applications.state,
      eligibility: applications.eligibility,
      callTitleZh: calls.titleZh,
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    // The unit's own, within what the caller may read (a unit that also recommends reads more than its own).
    .where(and(applicationRows(scope), eq(applications.unitId, caller.unitId)))
    .orderBy(desc(applications.updatedAt))
    .limit(recent);
  return rows.map((row) => {
    const label = applicationLifecycle.stateLabels[row.state as ApplicationState];
    return {
      id: row.id,
      title: nameOf(row).name ?? row.callTitleZh,
      stateZh: label?.zh ?? row.state,
      stateEn: label?.en ?? row.state,
      findings: row.eligibility?.findings ?? [],
    };
  });
}
