import { CompassOutlined, StopOutlined } from "@ant-design/icons";
import { Button, Flex, Typography } from "antd";
import type { ReactNode } from "react";
import { useNavigate } from "react-router";
import { useI18n } from "../i18n/I18nProvider";

/**
 * A page that cannot be shown, said plainly with the way back. Not antd's Result: its illustrations would weigh on
 * every page's first load, as the session guard and the query errors show this.
 */
function Unavailable({ icon, title, text }: { icon: ReactNode; title: ReactNode; text: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Flex vertical align="center" gap={8} style={{ padding: "48px 16px", textAlign: "center" }}>
      <span style={{ fontSize: 56, color: "#bfbfbf" }}>{icon}</span>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      <Typography.Text type="secondary">{text}</Typography.Text>
      <Button type="primary" style={{ marginTop: 16 }} onClick={() => navigate("/")}>
        {t("action.backHome")}
      </Button>
    </Flex>
  );
}

/** What a caller sees on a page its abilities do not open (the API would answer 403 as well). */
export function Forbidden() {
  const { t } = useI18n();
  return (
    <Unavailable
      icon={<StopOutlined />}
      title={<span data-testid="forbidden">{t("error.forbiddenTitle")}</span>}
      text={t("error.forbiddenText")}
    />
  );
}

export function NotFound() {
  const { t } = useI18n();
  return <Unavailable icon={<CompassOutlined />} title={t("error.notFoundTitle")} text={t("error.notFoundText")} />;
}
