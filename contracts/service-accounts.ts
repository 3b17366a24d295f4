import { z } from "zod";
import { defaultTokenDays, maxTokenDays } from "../policy/access/service-accounts";
import { bilingual } from "./bilingual";
import { paged, pageQuery } from "./common";

/**
 * Service accounts and their API tokens (issue 18; docs/integration.md): the system administrator creates the account
 * (its integration role waits for the security administrator, like every role), issues tokens — each shown once —
 * and revokes them.
 */

const username = z
  .string()
  .trim()
  .regex(
    /^[a-zA-Z][a-zA-Z0-9_.-]{3,31}$/,
    bilingual(
      "用户名为 4–32 位字母、数字、下划线或点，以字母开头",
      "4–32 letters, digits, _ . -, starting with a letter",
    ),
  );

export const serviceAccountInput = z.object({
  username,
  /** What the outside system is: 湖北政务服务网, 省统计局 … */
  displayName: z.string().trim().min(1, bilingual("请填写对接系统名称", "Name the outside system")).max(50),
});

export const apiTokenInput = z.object({
  /** What the token is for, to tell it apart when revoking: 生产环境, 测试环境 … */
  name: z.string().trim().min(1, bilingual("请填写令牌用途", "Say what the token is for")).max(50),
  expiresInDays: z.coerce
    .number()
    .int()
    .min(1, bilingual("有效期至少 1 天", "At least one day"))
    .max(maxTokenDays, bilingual(`有效期至多 ${maxTokenDays} 天`, `At most ${maxTokenDays} days`))
    .default(defaultTokenDays),
});

/** A token as lists show it: never the token itself, only its first characters. */
export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** `gat_` and the token's next four characters. */
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** live: works now; expired or revoked: refused with 401 `invalid-token`. */
  status: z.enum(["live", "expired", "revoked"]),
});

/** The answer to issuing a token: the only time the token is shown. */
export const issuedApiToken = apiTokenSchema.extend({
  /** `gat_…`: send it as `Authorization: Bearer <token>`. Stored only as its SM3 digest; it cannot be shown again. */
  token: z.string(),
});

export const serviceAccountSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  disabled: z.boolean(),
  /** The integration role's grant: pending until the security administrator approves it; tokens act only then. */
  roleStatus: z.enum(["pending", "approved", "rejected", "revoked", "none"]),
  createdAt: z.string(),
  tokens: z.array(apiTokenSchema),
  /** What the caller may do on it now: `api-token.manage` (issue, revoke) while it is enabled. */
  abilities: z.array(z.string()),
});

export const serviceAccountListQuery = z.object({ ...pageQuery });
export const serviceAccountPage = paged(serviceAccountSchema);

export type ServiceAccount = z.infer<typeof serviceAccountSchema>;
export type ApiToken = z.infer<typeof apiTokenSchema>;
export type IssuedApiToken = z.infer<typeof issuedApiToken>;
