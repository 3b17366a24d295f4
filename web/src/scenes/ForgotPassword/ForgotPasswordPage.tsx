import { Card, Flex, Typography } from "antd";
import { Link } from "react-router";
import { PublicPage } from "../../components/PublicPage";
import type { MessageKey } from "../../i18n/dictionary";
import { useI18n } from "../../i18n/I18nProvider";

const whomToAsk: MessageKey[] = ["forgot.unitUser", "forgot.business", "forgot.administrators"];

/**
 * 忘记密码: whom to ask. There is no e-mail self-service: a unit's administrator resets its colleagues, the system
 * administrator every other business account, and the three administrators' accounts are reset at the server console.
 */
export function ForgotPasswordPage() {
  const { t } = useI18n();
  return (
    <PublicPage>
      <Flex justify="center">
        <Card title={t("forgot.title")} style={{ width: 640, maxWidth: "100%" }} data-testid="forgot-password">
          <Typography.Paragraph>{t("forgot.intro")}</Typography.Paragraph>
          <ul>
            {whomToAsk.map((key) => (
              <li key={key}>
                <Typography.Paragraph>{t(key)}</Typography.Paragraph>
              </li>
            ))}
          </ul>
          <Typography.Paragraph type="secondary">{t("forgot.afterReset")}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t("forgot.locked")}</Typography.Paragraph>
          <Link to="/login">{t("forgot.back")}</Link>
        </Card>
      </Flex>
    </PublicPage>
  );
}
