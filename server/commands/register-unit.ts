import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { unitRegistration } from "../../contracts/organisations";
import { checkPasswordStrength } from "../../policy/security/password-policy";
import { hashPassword } from "../auth/passwords";
import { readSecurityPolicy } from "../auth/security-policy";
import { accounts, files, roleGrants, units } from "../db/schema";
import { Refused, refused } from "../domain/refused";
import { type CallerlessInvocation, execute } from "./command";
import {
  assertDivisionInTerritory,
  assertRecommenderExists,
  assertUsccFree,
  assertUsernameFree,
  recommenderAccountIds,
  usccVerdict,
} from "./unit-shared";

export type UnitRegistration = z.infer<typeof unitRegistration>;

/**
 * A host unit registers itself: the unit (pending), its administrator account and an applicant grant that
 * takes effect when the recommender confirms the unit. The recommender is notified. The registering visitor is
 * not signed in (the account is created here), so there is no caller.
 */
export async function registerUnit(
  invocation: CallerlessInvocation,
  input: UnitRegistration,
): Promise<{ unitId: string; accountId: string }> {
  const { deps, actor } = invocation;
  return execute(deps, actor, "unit.register", { type: "unit" }, async (context) => {
    const { tx } = context;
    const usccCheck = usccVerdict(input.uscc);
    const { policy } = await readSecurityPolicy(tx);
    const weak = checkPasswordStrength(input.adminPassword, input.adminUsername, policy);
    if (weak) throw new Refused("invalid-input", { ...weak, path: "adminPassword" });
    await assertUsccFree(tx, input.uscc);
    const recommender = await assertRecommenderExists(tx, input.recommenderId);
    assertDivisionInTerritory({ divisionCode: input.divisionCode, recommender });
    await assertUsernameFree(tx, input.adminUsername, "adminUsername");
    // Shared lock: the purge of unattached anonymous uploads cannot delete the letter while it is being attached.
    const [letter] = await tx
      .select({ id: files.id })
      .from(files)
      .where(eq(files.id, input.authorisationFileId))
      .for("share");
    if (!letter) {
      throw refused.invalidInput(
        "invalid-input",
        "授权书文件不存在，请重新上传。",
        "The authorisation letter was not found; upload it again.",
        [{ path: "authorisationFileId", messageZh: "请重新上传", messageEn: "Upload again" }],
      );
    }
    const now = context.clock.now();
    const unitId = randomUUID();
    await tx.insert(units).values({
      id: unitId,
      name: input.name,
      uscc: input.uscc,
      usccCheck,
      type: input.type,
      divisionCode: input.divisionCode,
      address: input.address,
      parentUnitId: input.parentUnitId,
      college: input.college,
      directRecommending: input.directRecommending,
      recommenderId: input.recommenderId,
      status: "pending",
      legalRepresentative: input.legalRepresentative,
      contactName: input.contactName,
      contactPhone: context.pii.encrypt(input.contactPhone),
      authorisationFileId: input.authorisationFileId,
      createdAt: now,
    });
    const accountId = randomUUID();
    await tx.insert(accounts).values({
      id: accountId,
      username: input.adminUsername,
      displayName: input.adminDisplayName,
      passwordHash: await hashPassword(input.adminPassword),
      unitId,
      isUnitAdmin: true,
      mustChangePassword: false,
      createdAt: now,
    });
    await tx.insert(roleGrants).values({
      id: randomUUID(),
      accountId,
      role: "applicant",
      status: "pending",
      requestedBy: accountId,
      requestedAt: now,
      reason: "单位自助注册，待推荐部门确认",
    });
    await context.audit({
      targetId: unitId,
      changes: {
        name: input.name,
        uscc: input.uscc,
        usccCheck,
        recommenderId: input.recommenderId,
        adminUsername: input.adminUsername,
      },
    });
    await context.enqueue({
      kind: "notify",
      accountIds: await recommenderAccountIds(tx, input.recommenderId),
      titleZh: `新单位注册待确认：${input.name}`,
      titleEn: `New host unit awaiting confirmation: ${input.name}`,
      link: `/units/${unitId}`,
    });
    return { unitId, accountId };
  });
}
