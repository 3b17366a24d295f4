import type { z } from "zod";
import type {
  RectificationDetail,
  RectificationSummary,
  rectificationEventRequest,
} from "../../../contracts/rectification";
import { http } from "./client";
import type * as T from "./types";

type PageQuery = { page?: number; pageSize?: number };
const enc = encodeURIComponent;

/** Every endpoint the web shell calls, typed from contracts/. One line each; no logic here. */
export const authApi = {
  me: () => http.get<T.Me>("/api/auth/me"),
  login: (input: T.LoginInput) => http.post<T.Me>("/api/auth/login", input),
  logout: () => http.post<T.Ok>("/api/auth/logout"),
  changePassword: (input: T.PasswordChange) => http.post<T.Ok>("/api/auth/password", input),
  demoAccounts: () => http.get<T.DemoAccount[]>("/api/demo/accounts"),
};

export const publicApi = {
  recommenders: () => http.get<T.Recommender[]>("/api/public/recommenders"),
  uploadFile: (file: File) => http.upload<T.StoredFile>("/api/public/files", file),
  registerUnit: (input: T.UnitRegistration) =>
    http.post<{ unitId: string; status: "pending" }>("/api/public/unit-registrations", input),
};

export type UnitQuery = PageQuery & { q?: string; status?: T.UnitStatus; recommenderId?: string };

export const unitsApi = {
  list: (query: UnitQuery) => http.get<T.UnitPage>("/api/units", query),
  get: (id: string) => http.get<T.Unit>(`/api/units/${enc(id)}`),
  create: (input: T.UnitInput) => http.post<T.Unit>("/api/units", input),
  update: (id: string, input: T.UnitUpdate) => http.patch<T.Unit>(`/api/units/${enc(id)}`, input),
  confirm: (id: string, reason?: string) => http.post<T.Unit>(`/api/units/${enc(id)}/confirm`, { reason }),
  reject: (id: string, reason: string) => http.post<T.Unit>(`/api/units/${enc(id)}/reject`, { reason }),
  confirmUscc: (id: string, reason?: string) => http.post<T.Ok>(`/api/units/${enc(id)}/confirm-uscc`, { reason }),
  accounts: (id: string) => http.get<T.AccountPage>(`/api/units/${enc(id)}/accounts`),
  addAccount: (id: string, input: T.UnitAccountInput) => http.post<T.Created>(`/api/units/${enc(id)}/accounts`, input),
  recommenders: () => http.get<T.Recommender[]>("/api/recommenders"),
};

export type PersonQuery = PageQuery & { q?: string; unitId?: string };

export const peopleApi = {
  list: (query: PersonQuery) => http.get<T.PersonPage>("/api/people", query),
  get: (id: string) => http.get<T.Person>(`/api/people/${enc(id)}`),
  create: (input: T.PersonInput) => http.post<T.Person>("/api/people", input),
  update: (id: string, input: T.PersonUpdate) => http.patch<T.Person>(`/api/people/${enc(id)}`, input),
};

export const accountsApi = {
  list: (query: PageQuery & { q?: string }) => http.get<T.AccountPage>("/api/accounts", query),
  create: (input: T.AccountInput) => http.post<T.Created>("/api/accounts", input),
  unlock: (id: string) => http.post<T.Ok>(`/api/accounts/${enc(id)}/unlock`),
  disable: (id: string) => http.post<T.Ok>(`/api/accounts/${enc(id)}/disable`),
  enable: (id: string) => http.post<T.Ok>(`/api/accounts/${enc(id)}/enable`),
  requestRole: (id: string, role: T.Grant["role"]) => http.post<T.Created>(`/api/accounts/${enc(id)}/grants`, { role }),
};

export const grantsApi = {
  list: (query: PageQuery & { status?: T.GrantStatus }) => http.get<T.GrantPage>("/api/role-grants", query),
  approve: (id: string, reason?: string) => http.post<T.Ok>(`/api/role-grants/${enc(id)}/approve`, { reason }),
  reject: (id: string, reason: string) => http.post<T.Ok>(`/api/role-grants/${enc(id)}/reject`, { reason }),
};

export type AuditQuery = PageQuery & {
  q?: string;
  actor?: string;
  action?: string;
  outcome?: T.AuditOutcome;
  from?: string;
  to?: string;
};

export const auditApi = {
  list: (query: AuditQuery) => http.get<T.AuditPage>("/api/audit", query),
  verify: () => http.get<T.ChainVerdict>("/api/audit/verify"),
};

export const referenceApi = {
  bundle: () => http.get<T.ReferenceBundle>("/api/reference"),
  countries: () => http.get<T.Country[]>("/api/reference/countries"),
  createField: (input: T.FieldInput) => http.post<T.Created>("/api/reference/fields", input),
  updateField: (id: string, input: Partial<T.FieldInput>) =>
    http.patch<T.Ok>(`/api/reference/fields/${enc(id)}`, input),
  beltAndRoad: () => http.get<T.BeltAndRoadEntry[]>("/api/reference/belt-and-road"),
  addBeltAndRoad: (input: T.BeltAndRoadInput) => http.post<T.Created>("/api/reference/belt-and-road", input),
};

export const homeApi = {
  dashboard: () => http.get<T.Dashboard>("/api/dashboard"),
  notifications: (query: PageQuery & { unread?: boolean }) => http.get<T.NotificationPage>("/api/notifications", query),
  markRead: (id: string) => http.post<T.Ok>(`/api/notifications/${enc(id)}/read`),
  markAllRead: () => http.post<T.Ok>("/api/notifications/read-all"),
};

export type { RectificationDetail, RectificationSummary };
export type RectificationQuery = { state?: RectificationSummary["state"]; year?: number; baseId?: string };
export type RectificationEventInput = z.input<typeof rectificationEventRequest>;
export type RectificationEvent = RectificationEventInput["event"];

/** 整改 (server/routes/rectifications, Art. 24). */
export const rectificationsApi = {
  list: (query: RectificationQuery) => http.get<{ items: RectificationSummary[] }>("/api/rectifications", query),
  get: (id: string) => http.get<RectificationDetail>(`/api/rectifications/${enc(id)}`),
  savePlan: (id: string, plan: string, expectedVersion: number) =>
    http.put<RectificationDetail>(`/api/rectifications/${enc(id)}/plan`, { plan, expectedVersion }),
  saveReport: (id: string, finalReport: string, expectedVersion: number) =>
    http.put<RectificationDetail>(`/api/rectifications/${enc(id)}/report`, { finalReport, expectedVersion }),
  fire: (id: string, input: RectificationEventInput) =>
    http.post<RectificationDetail>(`/api/rectifications/${enc(id)}/events`, input),
};
