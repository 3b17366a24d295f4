import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { personInput, personUpdate } from "../../contracts/organisations";
import { people } from "../db/schema";
import { refused } from "../domain/refused";
import { type CommandContext, execute, type Invocation } from "./command";

type Sealed = {
  phone?: Buffer | null;
  phoneIndex?: string | null;
  idNumber?: Buffer | null;
  idNumberIndex?: string | null;
};

/** Personal numbers are stored encrypted with a blind index; audit entries never hold them in clear. */
function seal(
  context: CommandContext,
  input: { phone?: string | null | undefined; idNumber?: string | null | undefined },
): Sealed {
  const sealed: Sealed = {};
  if (input.phone !== undefined) {
    sealed.phone = input.phone ? context.pii.encrypt(input.phone) : null;
    sealed.phoneIndex = input.phone ? context.pii.blindIndex(input.phone) : null;
  }
  if (input.idNumber !== undefined) {
    sealed.idNumber = input.idNumber ? context.pii.encrypt(input.idNumber) : null;
    sealed.idNumberIndex = input.idNumber ? context.pii.blindIndex(input.idNumber) : null;
  }
  return sealed;
}

function redact<T extends { phone?: unknown; idNumber?: unknown }>(input: T) {
  return { ...input, ...(input.phone ? { phone: "***" } : {}), ...(input.idNumber ? { idNumber: "***" } : {}) };
}

export async function createPerson(invocation: Invocation, input: z.infer<typeof personInput>): Promise<string> {
  const { deps, actor } = invocation;
  return execute(deps, actor, "person.create", { type: "person" }, async (context) => {
    const id = randomUUID();
    const { phone, idNumber, ...plain } = input;
    await context.tx
      .insert(people)
      .values({ ...plain, ...seal(context, { phone, idNumber }), id, createdAt: context.clock.now() });
    await context.audit({ targetId: id, changes: redact(input) });
    return id;
  });
}

export async function updatePerson(
  invocation: Invocation,
  options: { personId: string; update: z.infer<typeof personUpdate> },
): Promise<void> {
  const { deps, actor } = invocation;
  const { personId, update } = options;
  await execute(deps, actor, "person.update", { type: "person", id: personId }, async (context) => {
    const [person] = await context.tx.select().from(people).where(eq(people.id, personId)).for("update");
    if (!person) throw refused.notFound("Person", "人员");
    if (person.version !== update.version) throw refused.staleVersion();
    const { version, phone, idNumber, ...plain } = update;
    await context.tx
      .update(people)
      .set({ ...plain, ...seal(context, { phone, idNumber }), version: version + 1 })
      .where(eq(people.id, personId));
    await context.audit({ changes: redact(update) });
  });
}
