import { DownOutlined, PlusOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Card, Dropdown, Table, Tag } from "antd";
import { useState } from "react";
import { type RoundPage, reviewsApi } from "../../api/review";
import { hasAbility, useSession } from "../../api/session";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n/I18nProvider";
import { RoundDrawer } from "./RoundDrawer";
import { StartReviewModal } from "./StartReviewModal";

type RoundSummary = RoundPage["items"][number];

/** Officer: opens review rounds; their draws, replacements, aggregation and the call's ranking export. */
export function ReviewsPage() {
  const me = useSession();
  const { t, number } = useI18n();
  const [page, setPage] = useState({ current: 1, size: 20 });
  const [open, setOpen] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const list = useQuery({
    queryKey: ["reviews", page],
    queryFn: () => reviewsApi.list({ page: page.current, pageSize: page.size }),
    placeholderData: keepPreviousData,
  });
  const groups = [
    ...new Map((list.data?.items ?? []).filter((r) => r.groupId).map((r) => [r.groupId!, r.groupTitle ?? r.groupId!])),
  ];

  return (
    <>
      <PageHeader
        title={t("nav.reviews")}
        intro={t("reviews.intro")}
        extra={[
          ...(["xlsx", "pdf"] as const).map((format) => <RankingExport key={format} format={format} groups={groups} />),
          hasAbility(me, "draw.run") ? (
            <Button
              key="start"
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setStarting(true)}
              data-testid="review-start"
            >
              {t("reviews.start")}
            </Button>
          ) : null,
        ]}
      />
      <Card>
        {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
        <Table<RoundSummary>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items}
          pagination={{
            current: page.current,
            pageSize: page.size,
            total: list.data?.total ?? 0,
            showTotal: (total) => t("table.total", { n: number(total) }),
            onChange: (current, size) => setPage({ current, size }),
          }}
          columns={[
            { title: t("reviews.target"), dataIndex: "targetTitle", width: 240 },
            { title: t("reviews.unit"), dataIndex: "unitName", width: 220 },
            { title: t("reviews.group"), dataIndex: "groupTitle", width: 260 },
            {
              title: t("reviews.status"),
              dataIndex: "status",
              width: 110,
              render: (status: RoundSummary["status"]) => <Tag>{t(`reviews.status.${status}`)}</Tag>,
            },
            {
              title: t("table.actions"),
              key: "actions",
              width: 90,
              render: (_, round) => (
                <Button size="small" onClick={() => setOpen(round.id)} data-testid={`round-open-${round.id}`}>
                  {t("action.view")}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <RoundDrawer roundId={open} onClose={() => setOpen(null)} />
      <StartReviewModal open={starting} onClose={() => setStarting(false)} onStarted={setOpen} />
    </>
  );
}

/** The ranking of a call as Excel or PDF: one button per format, a menu of calls when rounds span several. */
function RankingExport({ format, groups }: { format: "xlsx" | "pdf"; groups: Array<[string, string]> }) {
  const { t } = useI18n();
  const label = t(format === "xlsx" ? "reviews.exportXlsx" : "reviews.exportPdf");
  if (groups.length === 0) return null;
  if (groups.length === 1) {
    return (
      <Button href={reviewsApi.rankingUrl(groups[0]![0], format)} data-testid={`ranking-${format}`}>
        {label}
      </Button>
    );
  }
  return (
    <Dropdown
      menu={{
        items: groups.map(([groupId, title]) => ({
          key: groupId,
          label: <a href={reviewsApi.rankingUrl(groupId, format)}>{title}</a>,
        })),
      }}
    >
      <Button data-testid={`ranking-${format}`}>
        {label} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
