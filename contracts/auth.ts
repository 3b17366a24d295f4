import { z } from "zod";
import { roles } from "../policy/roles";
import { bilingual } from "./bilingual";

export const roleSchema = z.enum(roles);

export const loginRequest = z.object({
  username: z.string().trim().min(1, bilingual("请输入用户名", "Enter your username")).max(64),
  password: z.string().min(1, bilingual("请输入密码", "Enter your password")).max(256),
});

export const jurisdictionSchema = z.object({
  division: z.string().optional(),
  unitId: z.string().optional(),
  recommenderId: z.string().optional(),
});

export const meResponse = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    mustChangePassword: z.boolean(),
    isUnitAdmin: z.boolean(),
    unitName: z.string().optional(),
    recommenderName: z.string().optional(),
  }),
  roles: z.array(roleSchema),
  jurisdiction: jurisdictionSchema,
  abilities: z.array(z.string()),
  /** How far each ability reaches: all, jurisdiction, unit, unit-admin, assigned, self. */
  scopes: z.record(z.string(), z.string()),
  /** Send it back as the `x-csrf-token` header on every state-changing request. */
  csrfToken: z.string(),
});

export const passwordChangeRequest = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

export const demoAccount = z.object({
  username: z.string(),
  password: z.string(),
  role: roleSchema,
  jurisdiction: jurisdictionSchema,
  label: z.string(),
  labelEn: z.string(),
});

export type MeResponse = z.infer<typeof meResponse>;
export type DemoAccount = z.infer<typeof demoAccount>;
