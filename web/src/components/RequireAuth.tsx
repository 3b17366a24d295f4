import { useQueryClient } from "@tanstack/react-query";
import { App as AntApp, Spin } from "antd";
import { useEffect } from "react";
import { Navigate, Outlet, useLocation } from "react-router";
import { setUnauthenticatedHandler } from "../api/client";
import { meKey, SessionContext, useMe, useSetMe } from "../api/session";
import { useI18n } from "../i18n/I18nProvider";
import { ForcedPasswordChange } from "../scenes/ChangePassword/ForcedPasswordChange";
import { QueryError } from "./QueryError";

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
      {me.data.user.mustChangePassword ? <ForcedPasswordChange /> : <Outlet />}
    </SessionContext.Provider>
  );
}
