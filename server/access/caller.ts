import type { Role } from "../../policy/roles";

/** Who is calling, loaded once per request from the session. */
export interface Caller {
  accountId: string;
  username: string;
  displayName: string;
  /** Approved role grants only: a pending grant gives nothing (三员). */
  roles: Role[];
  unitId: string | null;
  unitName: string | null;
  recommenderId: string | null;
  recommenderName: string | null;
  /** GB/T 2260 code of the recommender's (or unit's) division. */
  division: string | null;
  isUnitAdmin: boolean;
  mustChangePassword: boolean;
  isDemo: boolean;
  sessionId: string;
  csrfToken: string;
  /**
   * Set when a service account called with an API token (`Authorization: Bearer`) instead of a session: no cookie,
   * no CSRF token (a bearer token is not ambient authority), and only the routes open to tokens.
   */
  apiTokenId?: string;
}

/**
 * Everything of the caller that what it may do is derived from (access/scope.ts): two callers with one key have the
 * same abilities on every row, so what is presented with them (a list page with its actions) may be shared.
 */
export const abilityKey = (caller: Caller): string =>
  JSON.stringify([
    caller.accountId,
    caller.apiTokenId ?? null,
    caller.roles,
    caller.unitId,
    caller.recommenderId,
    caller.isUnitAdmin,
    caller.division,
  ]);

/** The role a caller acts in for audit entries: the first of its roles, in registry order. */
export function primaryRole(caller: Caller): Role | null {
  return caller.roles[0] ?? null;
}
