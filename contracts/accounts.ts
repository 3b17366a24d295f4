import { z } from "zod";
import { roles } from "../policy/roles";
import { bilingual } from "./bilingual";
import { paged, pageQuery, recordAbilities } from "./common";

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
  reason: z.string().nullable(),
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
  disabled: z.boolean(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  grants: z.array(grantSchema.pick({ id: true, role: true, status: true })),
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

export const accountInput = z.object({
  username,
  displayName: z.string().trim().min(1, bilingual("请填写姓名", "Enter the name")).max(50),
  initialPassword: z.string().min(1).max(256),
  unitId: z.string().nullable().default(null),
  recommenderId: z.string().nullable().default(null),
  isUnitAdmin: z.boolean().default(false),
  /** Roles to request; each takes effect when the security administrator approves it. */
  roles: z.array(z.enum(roles)).default([]),
});

/** A host unit's administrator adds a colleague: applicant role within the unit. */
export const unitAccountInput = accountInput.pick({ username: true, displayName: true, initialPassword: true });

export const accountListQuery = z.object({ q: z.string().trim().max(100).optional(), ...pageQuery });
export const grantListQuery = z.object({
  status: z.enum(["pending", "approved", "rejected", "revoked"]).optional(),
  ...pageQuery,
});
export const grantRequest = z.object({ role: z.enum(roles) });

export const accountPage = paged(accountSchema);
export const grantPage = paged(grantSchema);

export type Account = z.infer<typeof accountSchema>;
export type Grant = z.infer<typeof grantSchema>;
