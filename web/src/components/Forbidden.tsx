import { Button, Result } from "antd";
import { useNavigate } from "react-router";
import { useI18n } from "../i18n/I18nProvider";

/** What a caller sees on a page its abilities do not open (the API would answer 403 as well). */
export function Forbidden() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={<span data-testid="forbidden">{t("error.forbiddenTitle")}</span>}
      subTitle={t("error.forbiddenText")}
      extra={
        <Button type="primary" onClick={() => navigate("/")}>
          {t("action.backHome")}
        </Button>
      }
    />
  );
}

export function NotFound() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t("error.notFoundTitle")}
      subTitle={t("error.notFoundText")}
      extra={
        <Button type="primary" onClick={() => navigate("/")}>
          {t("action.backHome")}
        </Button>
      }
    />
  );
}
