import { LockOutlined, LogoutOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { Button, Flex, Layout, Tag, Tooltip, Typography } from "antd";
import { useNavigate } from "react-router";
import { roleLabels } from "../../../../policy/roles";
import { authApi } from "../../api/endpoints";
import { useSession, useSetMe } from "../../api/session";
import { useI18n } from "../../i18n/I18nProvider";
import { LanguageSwitch } from "../LanguageSwitch";
import { NotificationBell } from "./NotificationBell";
import { PlatformTitle } from "./PlatformTitle";

export function HeaderBar() {
  const me = useSession();
  const setMe = useSetMe();
  const navigate = useNavigate();
  const { t, language } = useI18n();
  const logout = useMutation({
    mutationFn: authApi.logout,
    // Whatever the server says, the local session ends.
    onSettled: () => {
      setMe(null);
      navigate("/login", { replace: true });
    },
  });
  const affiliation = me.user.unitName ?? me.user.recommenderName;

  return (
    <Layout.Header
      style={{
        display: "flex",
        alignItems: "center",
        justifyContent: "space-between",
        gap: 16,
        paddingInline: 24,
        background: "#fff",
        borderBottom: "1px solid #f0f0f0",
      }}
    >
      <PlatformTitle />
      <Flex align="center" gap={12} style={{ minWidth: 0 }}>
        <Flex vertical style={{ lineHeight: 1.3, textAlign: "right", minWidth: 0 }}>
          <Typography.Text strong data-testid="user-name" ellipsis>
            {me.user.displayName}
          </Typography.Text>
          {affiliation ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
              {affiliation}
            </Typography.Text>
          ) : null}
        </Flex>
        <Flex gap={4} data-testid="user-roles">
          {me.roles.map((role) => (
            <Tag key={role} color="blue" style={{ marginInlineEnd: 0 }}>
              {language === "zh" ? roleLabels[role].zh : roleLabels[role].en}
            </Tag>
          ))}
        </Flex>
        <LanguageSwitch />
        <NotificationBell />
        <Tooltip title={t("nav.changePassword")}>
          <Button
            type="text"
            icon={<LockOutlined />}
            aria-label={t("nav.changePassword")}
            data-testid="change-password"
            onClick={() => navigate("/change-password")}
          />
        </Tooltip>
        <Button
          icon={<LogoutOutlined />}
          loading={logout.isPending}
          onClick={() => logout.mutate()}
          data-testid="logout"
        >
          {t("action.logout")}
        </Button>
      </Flex>
    </Layout.Header>
  );
}
