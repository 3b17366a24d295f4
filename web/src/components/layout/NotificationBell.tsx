import { BellOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Badge, Button, Tooltip } from "antd";
import { useNavigate } from "react-router";
import { homeApi } from "../../api/endpoints";
import { hasAbility, useSession } from "../../api/session";
import { useI18n } from "../../i18n/I18nProvider";

export const unreadKey = ["notifications", "unread"] as const;

/** Unread count from GET /api/notifications (the `unread` field), refreshed every minute. */
export function NotificationBell() {
  const me = useSession();
  const { t } = useI18n();
  const navigate = useNavigate();
  const enabled = hasAbility(me, "notification.read");
  const unread = useQuery({
    queryKey: unreadKey,
    queryFn: () => homeApi.notifications({ unread: true, pageSize: 1 }),
    enabled,
    refetchInterval: 60_000,
  });
  if (!enabled) return null;
  const count = unread.data?.unread ?? 0;
  return (
    <Tooltip title={t("notifications.unreadCount", { n: count })}>
      <Badge count={count} size="small" offset={[-4, 4]}>
        <Button
          type="text"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          aria-label={t("nav.notifications")}
          data-testid="notification-bell"
          onClick={() => navigate("/notifications")}
        />
      </Badge>
    </Tooltip>
  );
}
