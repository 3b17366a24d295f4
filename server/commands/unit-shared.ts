import { eq } from "drizzle-orm";
import { checkUnitDivision, type RecommenderTerritory } from "../../policy/onboarding/unit-division";
import { validateUscc } from "../../policy/uscc";
import type { Tx } from "../db/client";
import { accounts, recommenders, units } from "../db/schema";
import { Refused, refused } from "../domain/refused";

/** GB 32100-2015: a bad format is refused; a check-digit mismatch is accepted but flagged for an officer. */
export function usccVerdict(uscc: string): "valid" | "checksum-mismatch" {
  const result = validateUscc(uscc);
  if (result.ok) return "valid";
  if (result.reason === "checksum") return "checksum-mismatch";
  throw new Refused("invalid-input", {
    code: "invalid-uscc",
    article: "7.1",
    path: "uscc",
    messageZh: "统一社会信用代码格式不正确（应为 18 位，GB 32100-2015）。",
    messageEn: "The unified social credit code is malformed (18 characters, GB 32100-2015).",
  });
}

export async function assertUsccFree(tx: Tx, uscc: string, exceptUnitId?: string): Promise<void> {
  const [existing] = await tx.select({ id: units.id }).from(units).where(eq(units.uscc, uscc));
  if (existing && existing.id !== exceptUnitId) {
    throw refused.conflict({
      code: "duplicate-uscc",
      messageZh: "该统一社会信用代码的单位已注册。",
      messageEn: "A unit with this code is already registered.",
      errors: [{ path: "uscc", messageZh: "已注册", messageEn: "Already registered" }],
    });
  }
}

/** The chosen recommender's territory (Art. 17), or a refusal naming `recommenderId` when there is no such one. */
export async function assertRecommenderExists(tx: Tx, recommenderId: string): Promise<RecommenderTerritory> {
  const [found] = await tx
    .select({
      kind: recommenders.kind,
      divisionCode: recommenders.divisionCode,
      nameZh: recommenders.nameZh,
      nameEn: recommenders.nameEn,
    })
    .from(recommenders)
    .where(eq(recommenders.id, recommenderId));
  if (!found) {
    throw refused.invalidInput("invalid-input", "所选推荐部门不存在。", "No such recommender.", [
      { path: "recommenderId", messageZh: "推荐部门不存在", messageEn: "No such recommender" },
    ]);
  }
  return found;
}

/**
 * Art. 7.1, 17: a unit's division is a Hubei division of the reference data and lies in its recommender's territory
 * (policy/onboarding/unit-division.ts); otherwise a 422 naming the field at fault.
 */
export function assertDivisionInTerritory(options: Parameters<typeof checkUnitDivision>[0]): void {
  const refusal = checkUnitDivision(options);
  if (refusal) throw refused.rule(refusal);
}

export async function assertUsernameFree(tx: Tx, username: string, path = "username"): Promise<void> {
  const [existing] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, username));
  if (existing) {
    throw refused.conflict({
      code: "duplicate-username",
      messageZh: "该用户名已被使用。",
      messageEn: "This username is taken.",
      errors: [{ path, messageZh: "用户名已被使用", messageEn: "Username taken" }],
    });
  }
}

/** Accounts to tell about a unit's onboarding: every account of the recommender. */
export async function recommenderAccountIds(tx: Tx, recommenderId: string): Promise<string[]> {
  const rows = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.recommenderId, recommenderId));
  return rows.map((row) => row.id);
}
