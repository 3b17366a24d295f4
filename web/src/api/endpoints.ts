import { api, type Body, type Query, type Schema } from "./client";
import type * as T from "./types";

/** The web shell's endpoints, typed by the generated OpenAPI types (client.ts). One line each; no logic here. */
export const authApi = {
  me: () => api.get("/api/auth/me"),
  login: (input: T.LoginInput) => api.post("/api/auth/login", { body: input }),
  logout: () => api.post("/api/auth/logout"),
  changePassword: (input: T.PasswordChange) => api.post("/api/auth/password", { body: input }),
  demoAccounts: () => api.get("/api/demo/accounts"),
};

export const publicApi = {
  recommenders: () => api.get("/api/public/recommenders"),
  uploadFile: (file: File) => api.upload("/api/public/files", file),
  registerUnit: (input: T.UnitRegistration) => api.post("/api/public/unit-registrations", { body: input }),
};

export type UnitQuery = Query<"/api/units">;

export const unitsApi = {
  list: (query: UnitQuery) => api.get("/api/units", { query }),
  get: (id: string) => api.get("/api/units/{id}", { path: { id } }),
  create: (input: T.UnitInput) => api.post("/api/units", { body: input }),
  update: (id: string, input: T.UnitUpdate) => api.patch("/api/units/{id}", { path: { id }, body: input }),
  confirm: (id: string, reason?: string) => api.post("/api/units/{id}/confirm", { path: { id }, body: { reason } }),
  reject: (id: string, reason: string) => api.post("/api/units/{id}/reject", { path: { id }, body: { reason } }),
  confirmUscc: (id: string, reason?: string) =>
    api.post("/api/units/{id}/confirm-uscc", { path: { id }, body: { reason } }),
  accounts: (id: string) => api.get("/api/units/{id}/accounts", { path: { id } }),
  addAccount: (id: string, input: T.UnitAccountInput) =>
    api.post("/api/units/{id}/accounts", { path: { id }, body: input }),
  recommenders: () => api.get("/api/recommenders"),
};

export type PersonQuery = Query<"/api/people">;

export const peopleApi = {
  list: (query: PersonQuery) => api.get("/api/people", { query }),
  get: (id: string) => api.get("/api/people/{id}", { path: { id } }),
  create: (input: T.PersonInput) => api.post("/api/people", { body: input }),
  update: (id: string, input: T.PersonUpdate) => api.patch("/api/people/{id}", { path: { id }, body: input }),
};

export const accountsApi = {
  list: (query: Query<"/api/accounts">) => api.get("/api/accounts", { query }),
  create: (input: T.AccountInput) => api.post("/api/accounts", { body: input }),
  unlock: (id: string) => api.post("/api/accounts/{id}/unlock", { path: { id } }),
  disable: (id: string) => api.post("/api/accounts/{id}/disable", { path: { id } }),
  enable: (id: string) => api.post("/api/accounts/{id}/enable", { path: { id } }),
  requestRole: (id: string, role: T.Grant["role"]) =>
    api.post("/api/accounts/{id}/grants", { path: { id }, body: { role } }),
};

export const grantsApi = {
  list: (query: Query<"/api/role-grants">) => api.get("/api/role-grants", { query }),
  approve: (id: string, reason?: string) =>
    api.post("/api/role-grants/{id}/approve", { path: { id }, body: { reason } }),
  reject: (id: string, reason: string) => api.post("/api/role-grants/{id}/reject", { path: { id }, body: { reason } }),
};

export type AuditQuery = Query<"/api/audit">;

export const auditApi = {
  list: (query: AuditQuery) => api.get("/api/audit", { query }),
  verify: () => api.get("/api/audit/verify"),
};

export const referenceApi = {
  bundle: () => api.get("/api/reference"),
  countries: () => api.get("/api/reference/countries"),
  createField: (input: T.FieldInput) => api.post("/api/reference/fields", { body: input }),
  updateField: (id: string, input: Partial<T.FieldInput>) =>
    api.patch("/api/reference/fields/{id}", { path: { id }, body: input }),
  beltAndRoad: () => api.get("/api/reference/belt-and-road"),
  addBeltAndRoad: (input: T.BeltAndRoadInput) => api.post("/api/reference/belt-and-road", { body: input }),
};

export const homeApi = {
  dashboard: () => api.get("/api/dashboard"),
  notifications: (query: Query<"/api/notifications">) => api.get("/api/notifications", { query }),
  markRead: (id: string) => api.post("/api/notifications/{id}/read", { path: { id } }),
  markAllRead: () => api.post("/api/notifications/read-all"),
};

export type RectificationDetail = Schema<"RectificationDetail">;
export type RectificationSummary = Schema<"RectificationSummary">;
export type RectificationQuery = Query<"/api/rectifications">;
export type RectificationEventInput = Body<"/api/rectifications/{id}/events", "post">;
export type RectificationEvent = RectificationEventInput["event"];

/** 整改 (server/routes/rectifications, Art. 24). */
export const rectificationsApi = {
  list: (query: RectificationQuery) => api.get("/api/rectifications", { query }),
  get: (id: string) => api.get("/api/rectifications/{id}", { path: { id } }),
  savePlan: (id: string, plan: string, expectedVersion: number) =>
    api.put("/api/rectifications/{id}/plan", { path: { id }, body: { plan, expectedVersion } }),
  saveReport: (id: string, finalReport: string, expectedVersion: number) =>
    api.put("/api/rectifications/{id}/report", { path: { id }, body: { finalReport, expectedVersion } }),
  fire: (id: string, input: RectificationEventInput) =>
    api.post("/api/rectifications/{id}/events", { path: { id }, body: input }),
};
