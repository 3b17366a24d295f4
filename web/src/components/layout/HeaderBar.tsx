import { LockOutlined, LogoutOutlined, MenuOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { Button, Flex, Grid, Layout, Tag, Tooltip, Typography } from "antd";
import { useNavigate } from "react-router";
import { roleLabels } from "../../../../policy/roles";
import { authApi } from "../../api/endpoints";
import { useSession, useSetMe } from "../../api/session";
import { useI18n } from "../../i18n/I18nProvider";
import { LanguageSwitch } from "../LanguageSwitch";
import { NotificationBell } from "./NotificationBell";
import { PlatformTitle } from "./PlatformTitle";

/** `onMenu` (on a phone) opens and folds the side menu from a button before the title. */
export function HeaderBar({ onMenu }: { onMenu?: () => void }) {
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
  // On a phone (below md) the header keeps the title, the switches and the buttons; name and roles would push the
  // page wider than the screen.
  const wide = Grid.useBreakpoint().md !== false;

  return (
    <Layout.Header
      style={{
        display: "flex",
        alignItems: "center",
        justifyContent: "space-between",
        gap: wide ? 16 : 4,
        paddingInline: wide ? 24 : 8,
        background: "#fff",
        borderBottom: "1px solid #f0f0f0",
      }}
    >
      <Flex align="center" gap={4} style={{ minWidth: 0 }}>
        {onMenu ? (
          <Button
            type="text"
            icon={<MenuOutlined />}
            aria-label={t("nav.menu")}
            onClick={onMenu}
            data-testid="side-menu-toggle"
          />
        ) : null}
        <PlatformTitle compact={!wide} />
      </Flex>
      <Flex align="center" gap={wide ? 12 : 0} style={{ minWidth: 0, flexShrink: 0 }}>
        {wide ? (
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
        ) : null}
        {wide ? (
          <Flex gap={4} data-testid="user-roles">
            {me.roles.map((role) => (
              <Tag key={role} color="blue" style={{ marginInlineEnd: 0 }}>
                {language === "zh" ? roleLabels[role].zh : roleLabels[role].en}
              </Tag>
            ))}
          </Flex>
        ) : null}
        <LanguageSwitch compact={!wide} />
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
          aria-label={t("action.logout")}
          loading={logout.isPending}
          onClick={() => logout.mutate()}
          data-testid="logout"
        >
          {wide ? t("action.logout") : null}
        </Button>
      </Flex>
    </Layout.Header>
  );
}
