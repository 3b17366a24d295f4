import { Layout } from "antd";
import { useState } from "react";
import { Outlet } from "react-router";
import { HeaderBar } from "./HeaderBar";
import { SideMenu } from "./SideMenu";

/** The signed-in shell: header, a menu built from the caller's abilities, and the page. */
export function AppLayout() {
  const [collapsed, setCollapsed] = useState(false);
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <HeaderBar />
      <Layout>
        <Layout.Sider
          width={216}
          theme="light"
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          style={{ borderRight: "1px solid #f0f0f0" }}
        >
          <SideMenu />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
