import { GlobalOutlined } from "@ant-design/icons";
import { Flex, Typography } from "antd";
import { Link } from "react-router";
import { useI18n } from "../../i18n/I18nProvider";

/** 国合基地管理平台 / International S&T Cooperation Base Platform, with the issuing department underneath. */
export function PlatformTitle({ large = false }: { large?: boolean }) {
  const { t } = useI18n();
  return (
    <Link to="/" style={{ color: "inherit", minWidth: 0 }}>
      <Flex align="center" gap={10}>
        <GlobalOutlined style={{ fontSize: large ? 36 : 26, color: "#b71c1c" }} />
        <Flex vertical style={{ lineHeight: 1.25 }}>
          <Typography.Text strong style={{ fontSize: large ? 22 : 17 }} data-testid="platform-title">
            {t("app.title")}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: large ? 13 : 12 }}>
            {t("app.subtitle")}
          </Typography.Text>
        </Flex>
      </Flex>
    </Link>
  );
}
