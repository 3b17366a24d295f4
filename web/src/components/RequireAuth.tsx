import { useQueryClient } from "@tanstack/react-query";
import { App as AntApp, Spin } from "antd";
import { lazy, Suspense, useEffect } from "react";
import { Navigate, Outlet, useLocation } from "react-router";
import { setUnauthenticatedHandler } from "../api/client";
import { meKey, SessionContext, useMe, useSetMe } from "../api/session";
import { useI18n } from "../i18n/I18nProvider";
import { QueryError } from "./QueryError";

// Rarely shown (a new or reset password): its form loads only when needed, not with every first page.
const ForcedPasswordChange = lazy(() =>
  import("../scenes/ChangePassword/ForcedPasswordChange").then((m) => ({ default: m.ForcedPasswordChange })),
);

/** Loads the caller; sends anonymous visitors to the login page and a must-change-password account to the form. */
export function RequireAuth() {
  const me = useMe();
  const setMe = useSetMe();
  const client = useQueryClient();
  const location = useLocation();
  const { message } = AntApp.useApp();
  const { t } = useI18n();

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      // Only a session that was alive has "ended"; repeated 401s from parallel requests warn once.
      if (!client.getQueryData(meKey)) return;
      message.warning(t("auth.sessionEnded"));
      setMe(null);
    });
    return () => setUnauthenticatedHandler(null);
  }, [client, message, setMe, t]);

  if (me.isPending) return <Spin size="large" fullscreen />;
  if (me.isError) return <QueryError error={me.error} onRetry={() => me.refetch()} />;
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <SessionContext.Provider value={me.data}>
      {me.data.user.mustChangePassword ? (
        <Suspense fallback={<Spin size="large" fullscreen />}>
          <ForcedPasswordChange />
        </Suspense>
      ) : (
        <Outlet />
      )}
    </SessionContext.Provider>
  );
}
