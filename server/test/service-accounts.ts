import { expect } from "vitest";
import type { TestApp } from "./harness";

export interface ServiceAccountToken {
  accountId: string;
  tokenId: string;
  /** `Authorization: Bearer …` */
  token: string;
}

/**
 * A service account as an integrator gets one, through the API: the system administrator creates it and issues a
 * token, the security administrator approves its integration role (unless `approve: false`).
 */
export async function serviceAccountToken(
  t: TestApp,
  options: { username: string; displayName?: string; approve?: boolean; expiresInDays?: number },
): Promise<ServiceAccountToken> {
  const sysadmin = await t.login("sysadmin");
  const created = await sysadmin.post("/api/service-accounts", {
    username: options.username,
    displayName: options.displayName ?? "湖北政务服务网",
  });
  expect(created.statusCode, created.body).toBe(201);
  const accountId: string = created.json().id;
  if (options.approve !== false) {
    const secadmin = await t.login("secadmin");
    const pending = (await secadmin.get("/api/role-grants?status=pending&pageSize=200")).json();
    const grant = pending.items.find((item: { accountId: string }) => item.accountId === accountId);
    expect(grant, "the integration role's request").toBeDefined();
    const approved = await secadmin.post(`/api/role-grants/${grant.id}/approve`, { reason: "对接湖北政务服务网" });
    expect(approved.statusCode, approved.body).toBe(200);
  }
  const issued = await sysadmin.post(`/api/service-accounts/${accountId}/tokens`, {
    name: "生产环境",
    ...(options.expiresInDays ? { expiresInDays: options.expiresInDays } : {}),
  });
  expect(issued.statusCode, issued.body).toBe(201);
  return { accountId, tokenId: issued.json().id, token: issued.json().token };
}

/** Headers of a request made with the token only: no cookie, no CSRF token. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
