import { Menu } from "antd";
import { Link, useLocation } from "react-router";
import { useSession } from "../../api/session";
import { useI18n } from "../../i18n/I18nProvider";
import { sectionForPath, sections } from "../../routes/sections";

export function SideMenu() {
  const me = useSession();
  const { t } = useI18n();
  const location = useLocation();
  const current = sectionForPath(location.pathname);
  const items = sections
    .filter((section) => section.visible(me))
    .map((section) => ({
      key: section.key,
      icon: section.icon,
      label: (
        <Link to={section.path} data-testid={`menu-${section.key}`}>
          {t(section.label)}
        </Link>
      ),
    }));
  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={current ? [current.key] : []}
      style={{ borderInlineEnd: "none", paddingTop: 8 }}
    />
  );
}
