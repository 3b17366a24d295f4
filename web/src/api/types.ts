import type { z } from "zod";
import type {
  accountInput,
  accountPage,
  accountSchema,
  grantPage,
  grantSchema,
  unitAccountInput,
} from "../../../contracts/accounts";
import type { auditEntrySchema, auditPage, chainVerdictSchema } from "../../../contracts/audit";
import type { demoAccount, loginRequest, meResponse, passwordChangeRequest } from "../../../contracts/auth";
import type { dashboardSchema, notificationPage, notificationSchema } from "../../../contracts/home";
import type {
  personInput,
  personPage,
  personSchema,
  personUpdate,
  recommenderSchema,
  unitInput,
  unitPage,
  unitRegistration,
  unitSchema,
  unitUpdate,
} from "../../../contracts/organisations";
import type {
  beltAndRoadEntry,
  beltAndRoadInput,
  countrySchema,
  fieldInput,
  fieldSchema,
  referenceBundle,
} from "../../../contracts/reference";

// Types only: the schemas stay on the server side of the bundle (no zod in the browser).
export type Me = z.infer<typeof meResponse>;
export type LoginInput = z.input<typeof loginRequest>;
export type PasswordChange = z.input<typeof passwordChangeRequest>;
export type DemoAccount = z.infer<typeof demoAccount>;

export type Unit = z.infer<typeof unitSchema>;
export type UnitPage = z.infer<typeof unitPage>;
export type UnitInput = z.input<typeof unitInput>;
export type UnitUpdate = z.input<typeof unitUpdate>;
export type UnitRegistration = z.input<typeof unitRegistration>;
export type UnitStatus = Unit["status"];
export type Recommender = z.infer<typeof recommenderSchema>;

export type Person = z.infer<typeof personSchema>;
export type PersonPage = z.infer<typeof personPage>;
export type PersonInput = z.input<typeof personInput>;
export type PersonUpdate = z.input<typeof personUpdate>;

export type Account = z.infer<typeof accountSchema>;
export type AccountPage = z.infer<typeof accountPage>;
export type AccountInput = z.input<typeof accountInput>;
export type UnitAccountInput = z.input<typeof unitAccountInput>;
export type Grant = z.infer<typeof grantSchema>;
export type GrantPage = z.infer<typeof grantPage>;
export type GrantStatus = Grant["status"];

export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditPage = z.infer<typeof auditPage>;
export type ChainVerdict = z.infer<typeof chainVerdictSchema>;
export type AuditOutcome = AuditEntry["outcome"];

export type Dashboard = z.infer<typeof dashboardSchema>;
export type DashboardCard = Dashboard["cards"][number];
export type Notification = z.infer<typeof notificationSchema>;
export type NotificationPage = z.infer<typeof notificationPage>;

export type ReferenceBundle = z.infer<typeof referenceBundle>;
export type Field = z.infer<typeof fieldSchema>;
export type FieldInput = z.input<typeof fieldInput>;
export type BeltAndRoadEntry = z.infer<typeof beltAndRoadEntry>;
export type BeltAndRoadInput = z.input<typeof beltAndRoadInput>;
export type Country = z.infer<typeof countrySchema>;

export type Ok = { ok: true };
export type Created = { id: string };
export type StoredFile = { id: string; name: string; size: number; sha256: string; mediaType: string };
