import { eq } from "drizzle-orm";
import type { CommandContext, Invocation } from "../commands/command";
import { execute } from "../commands/command";
import { applications, units } from "../db/schema";

/** Who acts in a decision command: the one invocation shape of every command (deps, audit actor, caller). */
export type DecisionCall = Invocation;

/** One decision step as a command on one application: a transaction, its audit entries and outbox rows. */
export function executeOnApplication<T>(
  call: DecisionCall,
  action: string,
  applicationId: string,
  work: (context: CommandContext) => Promise<T>,
): Promise<T> {
  return execute(call.deps, call.actor, action, { type: "application", id: applicationId }, work);
}

/** The name an application goes by in notifications: its standard name, else the unit's name. */
export async function applicationLabel(context: CommandContext, applicationId: string): Promise<string> {
  const [row] = await context.tx
    .select({ name: applications.standardName, unitName: units.name })
    .from(applications)
    .innerJoin(units, eq(units.id, applications.unitId))
    .where(eq(applications.id, applicationId));
  return row?.name ?? row?.unitName ?? applicationId;
}
