import { z } from "zod";
import { roles } from "../policy/roles";
import { bilingual } from "./bilingual";
import { paged, pageQuery, recordAbilities } from "./common";
import { expertStatus } from "./review";

export const grantSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  status: z.enum(["pending", "approved", "rejected", "revoked"]),
  requestedBy: z.string().nullable(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** The request's reason on a revocation request, the decision's on a grant. */
  reason: z.string().nullable(),
  /** Set on a revocation request: the approved grant it asks to revoke (the same two steps as granting). */
  revokes: z.string().nullable(),
  /** The decisions the caller may take on it now (policy/access/separation.ts); absent where nobody decides. */
  decisions: z.array(z.enum(["approve", "reject"])).optional(),
});

export const accountSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  recommenderId: z.string().nullable(),
  recommenderName: z.string().nullable(),
  isUnitAdmin: z.boolean(),
  /** An outside system's service account (API tokens, no password): its tokens are managed under 服务账号. */
  isService: z.boolean(),
  disabled: z.boolean(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  grants: z.array(
    grantSchema.pick({ id: true, role: true, status: true }).extend({
      /** Set on a revocation request: the grant it asks to revoke. */
      revokes: z.string().nullable().optional(),
      /** The caller may ask to revoke this grant now. */
      revocable: z.boolean().optional(),
    }),
  ),
  /** Roles the caller may request for this account now (三员分立 and the grants it has). */
  requestableRoles: z.array(z.enum(roles)).optional(),
  /** The expert-pool record this account signs in for (experts.account_id), or null. */
  expert: z.object({ id: z.string(), name: z.string() }).nullable(),
  abilities: recordAbilities,
});

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

const expertId = z.string().trim().min(1).max(64);

const accountFields = z.object({
  username,
  displayName: z.string().trim().min(1, bilingual("请填写姓名", "Enter the name")).max(50),
  initialPassword: z.string().min(1).max(256),
  unitId: z.string().nullable().default(null),
  recommenderId: z.string().nullable().default(null),
  isUnitAdmin: z.boolean().default(false),
  /** Roles to request; each takes effect when the security administrator approves it. */
  roles: z.array(z.enum(roles)).default([]),
  /** The expert-pool record an expert account signs in for: required with the expert role, refused without it. */
  expertId: expertId.nullable().optional(),
});

export const expertIdRequired = bilingual("请选择关联的专家库人员", "Choose the expert from the pool");
export const expertIdForbidden = bilingual(
  "只有申请评审专家角色的账号才能关联专家库人员",
  "Only an account requesting the expert role is linked to the expert pool",
);

/**
 * The system administrator's new account. An expert account is bound to its pool record at creation: the expert
 * portal finds assignments through experts.account_id, so an unlinked expert account could never score.
 */
export const accountInput = accountFields.superRefine((value, context) => {
  const wantsExpert = value.roles.includes("expert");
  if (wantsExpert && !value.expertId) {
    context.addIssue({ code: "custom", path: ["expertId"], message: expertIdRequired });
  }
  if (!wantsExpert && value.expertId) {
    context.addIssue({ code: "custom", path: ["expertId"], message: expertIdForbidden });
  }
});

/** A host unit's administrator adds a colleague: applicant role within the unit. */
export const unitAccountInput = accountFields.pick({ username: true, displayName: true, initialPassword: true });

/** Link (or re-link) an account holding or requesting the expert role to a pool record. */
export const expertLinkRequest = z.object({ expertId });

export const expertOptionsQuery = z.object({ q: z.string().trim().max(100).default("") });

/** A pool expert without an account, as the system administrator may see it: no phone, no ID number. */
export const expertOption = z.object({
  id: z.string(),
  name: z.string(),
  unitName: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  fields: z.array(z.string()),
  status: expertStatus,
});
export const expertOptionList = z.array(expertOption);

export const accountListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  /** Only the accounts locked now (failed sign-ins, 等保 lockout). */
  locked: z.enum(["true", "false"]).optional(),
  ...pageQuery,
});
export const grantListQuery = z.object({
  status: z.enum(["pending", "approved", "rejected", "revoked"]).optional(),
  ...pageQuery,
});
export const grantRequest = z.object({ role: z.enum(roles) });
/** Asking to revoke an approved role needs a reason, as a rejection does. */
export const revocationRequest = z.object({
  reason: z.string().trim().min(1, bilingual("请填写撤销理由", "Give the reason for the revocation")).max(500),
});

export const accountPage = paged(accountSchema);
export const grantPage = paged(grantSchema);

export type Account = z.infer<typeof accountSchema>;
export type Grant = z.infer<typeof grantSchema>;
export type ExpertOption = z.infer<typeof expertOption>;
