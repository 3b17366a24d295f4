import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import { Outlet } from "react-router";
import { useI18n } from "../i18n/I18nProvider";
import { AssistantLauncher } from "./assistant/AssistantLauncher";

const theme = {
  token: {
    colorPrimary: "#1d4f91",
    borderRadius: 4,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Helvetica Neue", Arial, sans-serif',
  },
};

/**
 * antd's frame (locale, theme, message/modal context) around every page but the sign-in page, which is plain HTML so
 * the first screen stays small (issue 13: login ≤ 150 KB of JavaScript). A lazy route: antd loads with it. The
 * floating 政策助手 sits here, so it is on the public pages and in the app alike (issue 14).
 */
export function AppShell() {
  const { language } = useI18n();
  return (
    <ConfigProvider locale={language === "zh" ? zhCN : enUS} theme={theme}>
      <AntApp>
        <Outlet />
        <AssistantLauncher />
      </AntApp>
    </ConfigProvider>
  );
}
