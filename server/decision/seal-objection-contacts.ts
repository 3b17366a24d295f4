import { eq, isNotNull } from "drizzle-orm";
import { type CallerlessInvocation, execute } from "../commands/command";
import { objections } from "../db/schema";

/**
 * Seals the objectors' contacts stored in plaintext before migration 0013: each is encrypted into `contact_sealed`
 * and the plaintext cleared, in one audited transaction (the entry names the objections, never a contact).
 * Idempotent: once nothing is left in plaintext it writes nothing. Run when the server starts, the one place that
 * holds the personal-data key (server/main.ts, right after the migrations). Returns how many contacts it sealed.
 */
export async function sealObjectionContacts(invocation: CallerlessInvocation): Promise<number> {
  return execute(
    invocation.deps,
    invocation.actor,
    "objection.contact.seal",
    { type: "objection" },
    async (context) => {
      const plaintext = await context.tx
        .select({ id: objections.id, legacyContact: objections.legacyContact, contactSealed: objections.contactSealed })
        .from(objections)
        .where(isNotNull(objections.legacyContact))
        .for("update");
      if (plaintext.length === 0) return 0;
      for (const row of plaintext) {
        await context.tx
          .update(objections)
          .set({
            // A contact already sealed is the one written since; the plaintext left beside it only goes.
            contactSealed: row.contactSealed ?? context.pii.encrypt(row.legacyContact ?? ""),
            legacyContact: null,
          })
          .where(eq(objections.id, row.id));
      }
      await context.audit({
        reason: "objectors' contacts stored in plaintext before migration 0013, sealed",
        changes: { objectionIds: plaintext.map((row) => row.id) },
      });
      return plaintext.length;
    },
  );
}
