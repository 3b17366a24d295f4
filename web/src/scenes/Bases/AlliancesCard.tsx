import { useQuery } from "@tanstack/react-query";
import { Card, Empty, List, Space, Tag, Typography } from "antd";
import { Link } from "react-router";
import { alliancesApi } from "../../api/alliances";
import { hasAbility, useSession } from "../../api/session";
import { useI18n } from "../../i18n/I18nProvider";

/** The alliances a base belongs or belonged to (Art. 27), with its dated memberships. */
export function AlliancesCard({ baseId }: { baseId: string }) {
  const me = useSession();
  const { t, pick, date } = useI18n();
  const query = useQuery({ queryKey: ["bases", "alliances", baseId], queryFn: () => alliancesApi.ofBase(baseId) });
  const linked = hasAbility(me, "alliance.read");
  return (
    <Card title={t("alliances.card")} style={{ marginTop: 16 }} data-testid="base-alliances">
      <List
        size="small"
        dataSource={query.data?.items}
        loading={query.isLoading}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("alliances.cardEmpty")} /> }}
        renderItem={(item) => (
          <List.Item key={`${item.allianceId}:${item.joinedOn}`} data-testid={`base-alliance-${item.allianceId}`}>
            <Space direction="vertical" size={0}>
              <Space wrap>
                {linked ? <Link to={`/alliances/${item.allianceId}`}>{item.name}</Link> : item.name}
                {item.isLead ? <Tag color="gold">{t("alliances.member.leadTag")}</Tag> : null}
                {item.leftOn ? <Tag>{t("alliances.member.past")}</Tag> : null}
              </Space>
              <Typography.Text type="secondary">
                {pick(item.kindZh, item.kindEn)} ·{" "}
                {item.leftOn
                  ? t("alliances.card.periodEnded", { from: date(item.joinedOn), to: date(item.leftOn) })
                  : t("alliances.card.period", { from: date(item.joinedOn) })}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
