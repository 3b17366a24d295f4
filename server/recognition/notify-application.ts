import { and, eq, inArray, isNotNull } from "drizzle-orm";
import {
  type ApplicationEvent,
  type ApplicationState,
  applicationLifecycle,
} from "../../policy/lifecycles/application.transitions";
import type { CommandContext } from "../commands/command";
import { accounts, people, units } from "../db/schema";
import { accountsWithRole } from "../outbox/recipients";
import type { ApplicationRow } from "./applications.repository";

/** Who an event concerns: the unit's applicants, the recommender holding it, and the officers when it is theirs. */
function audiences(event: ApplicationEvent, after: ApplicationState): Array<"unit" | "holder" | "officers"> {
  switch (event) {
    case "submit":
      return ["unit", "holder"];
    case "pass-up":
      return ["unit", "holder"];
    case "return":
    case "decline":
      return ["unit"];
    case "recommend":
    case "resubmit-correction":
      return ["unit", "holder", "officers"];
    case "withdraw":
      return after === "withdrawn" ? ["unit", "holder", "officers"] : ["unit", "holder"];
    default:
      return ["unit", "holder"];
  }
}

/**
 * Every transition notifies the accounts it concerns, in the transaction that made it (outbox): in-app always,
 * e-mail to those whose person record has an address (sent when SMTP_URL is set). The actor is not told.
 */
export async function notifyApplicationTransition(
  context: CommandContext,
  options: { before: ApplicationRow; after: ApplicationRow; event: ApplicationEvent; reason?: string | null },
): Promise<void> {
  const { tx } = context;
  const { after, event } = options;
  const wanted = audiences(event, after.state as ApplicationState);
  const ids = new Set<string>();
  if (wanted.includes("unit")) {
    for (const id of await accountsWithRole(tx, "applicant", eq(accounts.unitId, after.unitId))) ids.add(id);
  }
  if (wanted.includes("holder")) {
    for (const id of await accountsWithRole(tx, "recommender", eq(accounts.recommenderId, after.recommenderId))) {
      ids.add(id);
    }
  }
  if (wanted.includes("officers")) for (const id of await accountsWithRole(tx, "officer")) ids.add(id);
  if (context.actor.accountId) ids.delete(context.actor.accountId);
  if (ids.size === 0) return;

  const [unit] = await tx.select({ name: units.name }).from(units).where(eq(units.id, after.unitId));
  const label = applicationLifecycle.stateLabels[after.state as ApplicationState];
  const subject = after.standardName ? `${unit?.name ?? ""}《${after.standardName}》` : (unit?.name ?? after.id);
  const titleZh = `申报${label.zh}：${subject}`;
  const titleEn = `Application ${label.en}: ${subject}`;
  const reasonZh = options.reason ? `理由：${options.reason}` : "";
  const reasonEn = options.reason ? `Reason: ${options.reason}` : "";
  const link = `/applications/${after.id}`;
  await context.enqueue({
    kind: "notify",
    accountIds: [...ids],
    titleZh,
    titleEn,
    bodyZh: reasonZh,
    bodyEn: reasonEn,
    link,
  });
  const mailboxes = await tx
    .select({ email: people.email })
    .from(accounts)
    .innerJoin(people, eq(people.id, accounts.personId))
    .where(and(inArray(accounts.id, [...ids]), isNotNull(people.email)));
  for (const address of new Set(mailboxes.map((row) => row.email!).filter((email) => email.includes("@")))) {
    await context.enqueue({
      kind: "mail",
      to: address,
      subject: `【国合基地管理平台】${titleZh}`,
      text: [titleZh, reasonZh, `查看：${link}`, "", titleEn, reasonEn].filter(Boolean).join("\n"),
    });
  }
}
