import { useRouteError } from "react-router";
import { errorMessage } from "../api/errors";
import { useI18n } from "../i18n/I18nProvider";

/**
 * A page that failed to load or render (most often a stale chunk after a new release): offer a reload. Plain HTML:
 * it must work when the chunk that failed was antd's.
 */
export function RouteError() {
  const error = useRouteError();
  const { t, language } = useI18n();
  return (
    <div className="plain-error" role="alert">
      <h2>{t("error.pageFailed")}</h2>
      <p>{errorMessage(error, language)}</p>
      <button type="button" className="plain-button" onClick={() => window.location.reload()}>
        {t("action.reload")}
      </button>
    </div>
  );
}
