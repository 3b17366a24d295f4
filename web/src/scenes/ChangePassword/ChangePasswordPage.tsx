import { Card } from "antd";
import { PageHeader } from "../../components/PageHeader";
import { useI18n } from "../../i18n/I18nProvider";
import { ChangePasswordForm } from "./ChangePasswordForm";

export function ChangePasswordPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t("nav.changePassword")} intro={t("password.intro")} />
      <Card>
        <ChangePasswordForm onDone={() => undefined} />
      </Card>
    </>
  );
}
