import type { Body, Reply, Schema } from "./client";

// The shapes the scenes name, from the generated OpenAPI types (schema.d.ts): a response as the document's named
// component, a request as the body its operation takes. No zod in the browser, and nothing typed by hand.
export type Me = Schema<"MeResponse">;
export type LoginInput = Body<"/api/auth/login", "post">;
export type PasswordChange = Body<"/api/auth/password", "post">;

export type Unit = Schema<"Unit">;
export type UnitInput = Body<"/api/units", "post">;
export type UnitUpdate = Body<"/api/units/{id}", "patch">;
export type UnitRegistration = Body<"/api/public/unit-registrations", "post">;
export type UnitStatus = Unit["status"];
export type Recommender = Schema<"Recommender">;

export type Person = Schema<"Person">;
export type PersonInput = Body<"/api/people", "post">;
export type PersonUpdate = Body<"/api/people/{id}", "patch">;

export type Account = Schema<"Account">;
export type AccountInput = Body<"/api/accounts", "post">;
export type UnitAccountInput = Body<"/api/units/{id}/accounts", "post">;
export type Grant = Schema<"Grant">;
export type GrantStatus = Grant["status"];

export type AuditEntry = Schema<"AuditEntry">;
export type AuditOutcome = AuditEntry["outcome"];

export type DashboardCard = Schema<"Dashboard">["cards"][number];
export type Notification = Schema<"Notification">;

export type Field = Schema<"Field">;
export type FieldInput = Body<"/api/reference/fields", "post">;
export type BeltAndRoadEntry = Schema<"BeltAndRoadEntry">;
export type BeltAndRoadInput = Body<"/api/reference/belt-and-road", "post">;
export type Country = Schema<"Country">;

/** An uploaded authorisation letter, as the public upload answers it. */
export type StoredFile = Reply<"/api/public/files", "post">;
