import { Button, Result } from "antd";
import { useRouteError } from "react-router";
import { errorMessage } from "../api/errors";
import { useI18n } from "../i18n/I18nProvider";

/** A page that failed to load or render (most often a stale chunk after a new release): offer a reload. */
export function RouteError() {
  const error = useRouteError();
  const { t, language } = useI18n();
  return (
    <Result
      status="error"
      title={t("error.pageFailed")}
      subTitle={errorMessage(error, language)}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t("action.reload")}
        </Button>
      }
    />
  );
}
