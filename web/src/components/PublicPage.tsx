import { Flex } from "antd";
import type { ReactNode } from "react";
import { LanguageSwitch } from "./LanguageSwitch";
import { PlatformTitle } from "./layout/PlatformTitle";

/** Frame of the pages open without signing in: title, language switch, centred content. */
export function PublicPage({ children }: { children: ReactNode }) {
  return (
    <div style={{ minHeight: "100vh", background: "linear-gradient(180deg, #e8eef7 0%, #f5f7fa 320px)" }}>
      <Flex justify="space-between" align="center" style={{ padding: "20px 32px" }}>
        <PlatformTitle large />
        <LanguageSwitch />
      </Flex>
      <div style={{ padding: "16px 24px 48px", maxWidth: 1200, margin: "0 auto" }}>{children}</div>
    </div>
  );
}
