import { Alert, Button } from "antd";
import { errorMessage, isApiError } from "../api/errors";
import { useI18n } from "../i18n/I18nProvider";
import { Forbidden } from "./Forbidden";

/** A failed load: 403 shows the no-access page, anything else the server's message and a retry button. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, language } = useI18n();
  if (isApiError(error) && error.status === 403) return <Forbidden />;
  return (
    <Alert
      type="error"
      showIcon
      title={t("error.loadFailed")}
      description={errorMessage(error, language)}
      action={onRetry ? <Button onClick={onRetry}>{t("action.retry")}</Button> : undefined}
    />
  );
}
