import { Flex } from "antd";
import type { ReactNode } from "react";
import { NavLink } from "react-router";
import type { MessageKey } from "../i18n/dictionary";
import { useI18n } from "../i18n/I18nProvider";
import { LanguageSwitch } from "./LanguageSwitch";
import { PlatformTitle } from "./layout/PlatformTitle";

/** The public site's sections, in the order of the header. */
const sections: ReadonlyArray<{ to: string; label: MessageKey }> = [
  { to: "/announcements", label: "publicSite.nav.announcements" },
  { to: "/notices", label: "publicSite.nav.notices" },
  { to: "/policy", label: "publicSite.nav.policy" },
  { to: "/registry", label: "publicSite.nav.registry" },
  { to: "/achievements", label: "publicSite.nav.achievements" },
  { to: "/public/alliances", label: "publicSite.nav.alliances" },
  { to: "/verify", label: "publicSite.nav.verify" },
];

/** Frame of the pages open without signing in: title, language switch, the public sections, centred content. */
export function PublicPage({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div style={{ minHeight: "100vh", background: "linear-gradient(180deg, #e8eef7 0%, #f5f7fa 320px)" }}>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ padding: "16px clamp(12px, 4vw, 32px) 8px" }}>
        <PlatformTitle large />
        <Flex align="center" gap={12}>
          <LanguageSwitch />
          <NavLink to="/login" data-testid="public-login">
            {t("publicSite.login")}
          </NavLink>
        </Flex>
      </Flex>
      <nav aria-label={t("publicSite.nav.label")} data-testid="public-nav">
        <Flex
          wrap
          gap="4px 18px"
          style={{ padding: "4px clamp(12px, 4vw, 32px) 8px", borderBottom: "1px solid #d6dfeb" }}
        >
          {sections.map((section) => (
            <NavLink
              key={section.to}
              to={section.to}
              data-testid={`public-nav-${section.to.split("/").pop()}`}
              style={({ isActive }) => ({
                padding: "4px 0",
                fontSize: 15,
                color: isActive ? "#b71c1c" : "#1f2937",
                fontWeight: isActive ? 600 : 400,
                borderBottom: isActive ? "2px solid #b71c1c" : "2px solid transparent",
              })}
            >
              {t(section.label)}
            </NavLink>
          ))}
        </Flex>
      </nav>
      <div style={{ padding: "16px clamp(12px, 3vw, 24px) 48px", maxWidth: 1200, margin: "0 auto" }}>{children}</div>
    </div>
  );
}
