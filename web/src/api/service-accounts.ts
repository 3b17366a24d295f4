import { api, type Body, type Schema } from "./client";

export type ServiceAccount = Schema<"ServiceAccount">;
export type ApiToken = Schema<"ApiToken">;
export type IssuedApiToken = Schema<"IssuedApiToken">;
export type ServiceAccountInput = Body<"/api/service-accounts", "post">;
export type ApiTokenInput = Body<"/api/service-accounts/{id}/tokens", "post">;

/**
 * Service accounts and their API tokens (系统管理员; docs/integration.md): the list, a new account (its integration
 * role then waits for the security administrator), a token issued — the only answer that carries it — and revoked.
 */
export const serviceAccountsApi = {
  list: (page: number, pageSize: number) => api.get("/api/service-accounts", { query: { page, pageSize } }),
  create: (input: ServiceAccountInput) => api.post("/api/service-accounts", { body: input }),
  issueToken: (accountId: string, input: ApiTokenInput) =>
    api.post("/api/service-accounts/{id}/tokens", { path: { id: accountId }, body: input }),
  revokeToken: (tokenId: string) => api.post("/api/api-tokens/{id}/revoke", { path: { id: tokenId } }),
};
