import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Col, Row, Skeleton, Statistic, Typography } from "antd";
import { useNavigate } from "react-router";
import { roleLabels } from "../../../../policy/roles";
import { homeApi } from "../../api/endpoints";
import { useSession } from "../../api/session";
import type { DashboardCard } from "../../api/types";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import type { MessageKey } from "../../i18n/dictionary";
import { useI18n } from "../../i18n/I18nProvider";
import { sectionForPath } from "../../routes/sections";

/** Home: a short intro per role and the real counts of GET /api/dashboard, each card linking to its list. */
export function HomePage() {
  const me = useSession();
  const { t, pick } = useI18n();
  const dashboard = useQuery({ queryKey: ["dashboard"], queryFn: homeApi.dashboard });

  return (
    <>
      <PageHeader title={t("home.welcome", { name: me.user.displayName })} />
      {me.roles.map((role) => (
        <Typography.Paragraph key={role} data-testid={`intro-${role}`}>
          <Typography.Text strong>{pick(roleLabels[role].zh, roleLabels[role].en)}</Typography.Text>
          {t("punct.colon")}
          {t(`home.intro.${role}` as MessageKey)}
        </Typography.Paragraph>
      ))}
      {dashboard.isError ? <QueryError error={dashboard.error} onRetry={() => dashboard.refetch()} /> : null}
      {dashboard.data?.editionWarning ? (
        <Alert
          type={dashboard.data.editionWarning.kind === "lapsed" ? "error" : "warning"}
          showIcon
          style={{ marginTop: 8 }}
          data-testid="edition-warning"
          message={t("edition.warningTitle")}
          description={pick(dashboard.data.editionWarning.messageZh, dashboard.data.editionWarning.messageEn)}
        />
      ) : null}
      <Row gutter={[16, 16]} style={{ marginTop: 8 }}>
        {dashboard.isPending
          ? [1, 2, 3].map((n) => (
              <Col key={n} xs={24} sm={12} lg={6}>
                <Card>
                  <Skeleton active paragraph={{ rows: 1 }} />
                </Card>
              </Col>
            ))
          : dashboard.data?.cards.map((card) => <CountCard key={card.key} card={card} />)}
      </Row>
    </>
  );
}

function CountCard({ card }: { card: DashboardCard }) {
  const { pick, number } = useI18n();
  const me = useSession();
  const navigate = useNavigate();
  // A card links only where the caller may go (a count can be visible without its list).
  const section = card.link ? sectionForPath(card.link.split("?")[0]!) : undefined;
  const link = section?.visible(me) ? card.link : undefined;
  return (
    <Col xs={24} sm={12} lg={6}>
      <Card
        hoverable={Boolean(link)}
        onClick={link ? () => navigate(link) : undefined}
        data-testid={`card-${card.key}`}
      >
        <Statistic title={pick(card.labelZh, card.labelEn)} value={card.value} formatter={(v) => number(Number(v))} />
      </Card>
    </Col>
  );
}
