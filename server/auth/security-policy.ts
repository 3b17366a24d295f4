import { eq } from "drizzle-orm";
import { resolveSecurityPolicy, type SecurityPolicy } from "../../policy/security/password-policy";
import type { Executor } from "../db/client";
import { accounts, securityPolicy } from "../db/schema";

/** The one row's id (the table's check constraint allows no other). */
export const securityPolicyRowId = 1;

export interface StoredSecurityPolicy {
  policy: SecurityPolicy;
  /** The optimistic version; 0 before the first save. */
  version: number;
  updatedByName: string | null;
  updatedAt: Date | null;
}

/** The security policy in force: the stored row resolved within its bounds, the defaults before the first save. */
export async function readSecurityPolicy(
  executor: Executor,
  options: { lock?: boolean } = {},
): Promise<StoredSecurityPolicy> {
  const query = executor
    .select({
      policy: securityPolicy.policy,
      version: securityPolicy.version,
      updatedAt: securityPolicy.updatedAt,
      updatedByName: accounts.displayName,
    })
    .from(securityPolicy)
    .leftJoin(accounts, eq(accounts.id, securityPolicy.updatedBy))
    .where(eq(securityPolicy.id, securityPolicyRowId));
  const [row] = options.lock ? await query.for("update", { of: securityPolicy }) : await query;
  return {
    policy: resolveSecurityPolicy(row?.policy),
    version: row?.version ?? 0,
    updatedByName: row?.updatedByName ?? null,
    updatedAt: row?.updatedAt ?? null,
  };
}
