import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { expertUpdate } from "../../contracts/review";
import { type Actor, type CommandDeps, execute } from "../commands/command";
import { experts } from "../db/schema";
import { errors } from "../http/errors";

/** An officer edits an expert's fields, title, unit or status (optimistic locking on `version`). */
export async function updateExpert(
  deps: CommandDeps,
  actor: Actor,
  expertId: string,
  input: z.output<typeof expertUpdate>,
): Promise<void> {
  await execute(deps, actor, "expert.update", { type: "expert", id: expertId }, async (context) => {
    const [expert] = await context.tx.select().from(experts).where(eq(experts.id, expertId)).for("update");
    if (!expert) throw errors.notFound("Expert", "专家");
    if (expert.version !== input.version) throw errors.staleVersion();
    const { version, ...changes } = input;
    const set = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    await context.tx
      .update(experts)
      .set({ ...set, version: version + 1 })
      .where(eq(experts.id, expertId));
    await context.audit({ changes: { before: { status: expert.status, fields: expert.fields }, after: set } });
  });
}
