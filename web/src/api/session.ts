import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext } from "react";
import { setCsrfToken } from "./client";
import { authApi } from "./endpoints";
import { isApiError } from "./errors";
import type { Me } from "./types";

export const meKey = ["me"] as const;

/** The caller, or null when nobody is signed in (a 401 is an answer here, not an error). */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<Me | null> => {
      try {
        const me = await authApi.me();
        setCsrfToken(me.csrfToken);
        return me;
      } catch (error) {
        if (isApiError(error) && error.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** Stores the caller after sign-in (the login response is the same shape as /api/auth/me). */
export function useSetMe() {
  const client = useQueryClient();
  return useCallback(
    (me: Me | null) => {
      setCsrfToken(me?.csrfToken ?? null);
      if (me === null) client.clear();
      client.setQueryData(meKey, me);
    },
    [client],
  );
}

export const SessionContext = createContext<Me | null>(null);

/** The signed-in caller; only inside the authenticated shell. */
export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error("useSession outside the authenticated shell");
  return me;
}

/** Whether the caller holds an ability (from /api/auth/me); the server decided it, the UI only reads it. */
export function hasAbility(me: Me, ability: string): boolean {
  return me.abilities.includes(ability);
}
