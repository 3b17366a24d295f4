import { Grid, Layout } from "antd";
import { useEffect, useState } from "react";
import { Outlet, useLocation } from "react-router";
import { HeaderBar } from "./HeaderBar";
import { SideMenu } from "./SideMenu";

/**
 * The signed-in shell: header, a menu built from the caller's abilities, and the page. On a phone (below md) the menu
 * folds away completely behind the header's menu button and folds again after each navigation, so the page keeps the whole width.
 */
export function AppLayout() {
  const phone = Grid.useBreakpoint().md === false;
  const [collapsed, setCollapsed] = useState(false);
  const { key } = useLocation();
  useEffect(() => {
    if (phone && key) setCollapsed(true);
  }, [phone, key]);
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <HeaderBar onMenu={phone ? () => setCollapsed((value) => !value) : undefined} />
      <Layout>
        <Layout.Sider
          width={216}
          theme="light"
          collapsible
          collapsed={collapsed}
          collapsedWidth={phone ? 0 : 80}
          trigger={phone ? null : undefined}
          onCollapse={setCollapsed}
          breakpoint="lg"
          style={{ borderRight: "1px solid #f0f0f0" }}
        >
          <SideMenu />
        </Layout.Sider>
        <Layout.Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
