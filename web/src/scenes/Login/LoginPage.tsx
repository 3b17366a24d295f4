import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { authApi } from "../../api/endpoints";
import { errorMessage } from "../../api/errors";
import { useMe, useSetMe } from "../../api/session";
import { LanguageSwitch } from "../../components/LanguageSwitch";
import { PlatformTitle } from "../../components/layout/PlatformTitle";
import { useI18n } from "../../i18n/I18nProvider";
import { DemoAccounts } from "./DemoAccounts";
import "./login.css";

/** Only same-site paths are followed after sign-in (no open redirect). */
function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/";
}

/**
 * The sign-in page, in plain HTML and CSS: it is the first screen of every user, so it carries no antd (issue 13:
 * ≤ 150 KB of JavaScript). The application's antd shell loads after sign-in.
 */
export function LoginPage() {
  const { t, language } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const setMe = useSetMe();
  const me = useMe();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [touched, setTouched] = useState(false);
  const login = useMutation({
    mutationFn: authApi.login,
    onSuccess: (me) => {
      setMe(me);
      navigate(me.user.mustChangePassword ? "/change-password" : safeNext(params.get("next")), { replace: true });
    },
  });

  // Already signed in (e.g. the back button after sign-in): go where the login would have led.
  if (me.data && !login.isPending) return <Navigate to={safeNext(params.get("next"))} replace />;

  const usernameMissing = touched && !username.trim();
  const passwordMissing = touched && !password;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!username.trim() || !password) return;
    login.mutate({ username: username.trim(), password });
  };
  const edit = (set: (value: string) => void) => (value: string) => {
    set(value);
    login.reset();
  };

  return (
    <div className="login-page">
      <header className="login-header">
        <PlatformTitle large />
        <LanguageSwitch />
      </header>
      <main className="login-body">
        <section className="login-card">
          <h2>{t("auth.loginTitle")}</h2>
          <form className="login-card-body" onSubmit={submit} noValidate>
            <label className="login-field">
              <span>{t("auth.username")}</span>
              <input
                name="username"
                autoComplete="username"
                // biome-ignore lint/a11y/noAutofocus: the only task of this page is to sign in
                autoFocus
                value={username}
                aria-invalid={usernameMissing}
                onChange={(event) => edit(setUsername)(event.target.value)}
                data-testid="login-username"
              />
              {usernameMissing ? <div className="login-field-error">{t("auth.usernameRequired")}</div> : null}
            </label>
            <label className="login-field">
              <span>{t("auth.password")}</span>
              <input
                name="password"
                type="password"
                autoComplete="current-password"
                value={password}
                aria-invalid={passwordMissing}
                onChange={(event) => edit(setPassword)(event.target.value)}
                data-testid="login-password"
              />
              {passwordMissing ? <div className="login-field-error">{t("auth.passwordRequired")}</div> : null}
            </label>
            {login.isError ? (
              <div className="login-error" role="alert" data-testid="login-error">
                {errorMessage(login.error, language)}
              </div>
            ) : null}
            <button
              type="submit"
              className="plain-button login-submit"
              disabled={login.isPending}
              data-testid="login-submit"
            >
              {t("action.login")}
            </button>
            <div className="login-links">
              <Link to="/forgot-password" data-testid="forgot-password-link">
                {t("forgot.link")}
              </Link>
            </div>
            <div className="login-links">
              <span>{t("auth.noAccount")}</span>
              <Link to="/register" data-testid="register-link">
                {t("auth.registerUnit")}
              </Link>
            </div>
          </form>
        </section>
        <DemoAccounts
          onPick={(account) => {
            setUsername(account.username);
            setPassword(account.password);
            login.reset();
          }}
        />
      </main>
    </div>
  );
}
