import { useQuery } from "@tanstack/react-query";
import { Alert, Col, Flex, Row, Skeleton, Statistic, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { roleLabels } from "../../../../policy/roles";
import { homeApi } from "../../api/endpoints";
import { useSession } from "../../api/session";
import type { DashboardCard } from "../../api/types";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import type { MessageKey } from "../../i18n/dictionary";
import { useI18n } from "../../i18n/I18nProvider";
import { sectionForPath } from "../../routes/sections";

/**
 * Home, the 工作台: a short intro per role, then what waits on the caller (GET /api/dashboard), each to-do a count
 * opening its list filtered to exactly those rows, then the role's plain counts.
 */
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
      {dashboard.isPending ? (
        <Row gutter={[16, 16]} style={{ marginTop: 8 }}>
          {[1, 2, 3].map((n) => (
            <Col key={n} xs={24} sm={12} lg={6}>
              <div className="count-tile">
                <Skeleton active paragraph={{ rows: 1 }} />
              </div>
            </Col>
          ))}
        </Row>
      ) : null}
      {dashboard.data ? <Workbench cards={dashboard.data.cards} /> : null}
    </>
  );
}

/** 工作台: what waits on the caller first (each a count opening its filtered list), quiet to-dos muted, then counts. */
function Workbench({ cards }: { cards: DashboardCard[] }) {
  const { t } = useI18n();
  const todos = cards.filter((card) => card.kind === "todo");
  const waiting = todos.filter((card) => card.value > 0);
  const quiet = todos.filter((card) => card.value === 0);
  const overview = cards.filter((card) => card.kind === "overview");
  return (
    <>
      {todos.length > 0 ? (
        <section data-testid="workbench-todos" style={{ marginTop: 8 }}>
          <Typography.Title level={4}>{t("home.todos")}</Typography.Title>
          {waiting.length === 0 ? (
            <Typography.Paragraph type="secondary" data-testid="todos-empty">
              {t("home.todosEmpty")}
            </Typography.Paragraph>
          ) : (
            <Row gutter={[16, 16]}>
              {waiting.map((card) => (
                <CountCard key={card.key} card={card} prefix="todo" />
              ))}
            </Row>
          )}
          {quiet.length > 0 ? <QuietTodos cards={quiet} /> : null}
        </section>
      ) : null}
      <section style={{ marginTop: 24 }}>
        <Typography.Title level={5} type="secondary">
          {t("home.overview")}
        </Typography.Title>
        <Row gutter={[16, 16]}>
          {overview.map((card) => (
            <CountCard key={card.key} card={card} prefix="card" />
          ))}
        </Row>
      </section>
    </>
  );
}

/** The link a card may open: only where the caller's menu reaches (a count can be visible without its list). */
function useCardLink(card: DashboardCard): string | undefined {
  const me = useSession();
  const section = card.link ? sectionForPath(card.link.split("?")[0]!) : undefined;
  return section?.visible(me) ? card.link : undefined;
}

/**
 * A count as a tile; with a list behind it, the tile is a link (keyboard, middle-click and a new tab work). A plain
 * element rather than antd's Card, which brings its tabs along and would weigh on every role's first page.
 */
function CountCard({ card, prefix }: { card: DashboardCard; prefix: "todo" | "card" }) {
  const { pick, number } = useI18n();
  const link = useCardLink(card);
  const todo = card.kind === "todo";
  const className = `count-tile${todo ? " count-tile-todo" : ""}`;
  const content: ReactNode = (
    <Statistic
      title={pick(card.labelZh, card.labelEn)}
      value={card.value}
      formatter={(v) => number(Number(v))}
      valueStyle={todo ? { color: "#d46b08" } : undefined}
    />
  );
  return (
    <Col xs={24} sm={12} lg={6}>
      {link ? (
        <Link to={link} className={className} data-testid={`${prefix}-${card.key}`}>
          {content}
        </Link>
      ) : (
        <div className={className} data-testid={`${prefix}-${card.key}`}>
          {content}
        </div>
      )}
    </Col>
  );
}

function QuietTodos({ cards }: { cards: DashboardCard[] }) {
  const { t } = useI18n();
  return (
    <div style={{ marginTop: 12 }} data-testid="todos-quiet">
      <Typography.Text type="secondary">{t("home.todosQuiet")}</Typography.Text>
      <Flex wrap gap={8} style={{ marginTop: 6 }}>
        {cards.map((card) => (
          <QuietTodo key={card.key} card={card} />
        ))}
      </Flex>
    </div>
  );
}

function QuietTodo({ card }: { card: DashboardCard }) {
  const { pick, number } = useI18n();
  const link = useCardLink(card);
  const text = `${pick(card.labelZh, card.labelEn)} ${number(card.value)}`;
  return (
    <Tag data-testid={`todo-${card.key}`} style={{ color: "rgba(0,0,0,0.45)" }}>
      {link ? <Link to={link}>{text}</Link> : text}
    </Tag>
  );
}
