import { useQuery } from "@tanstack/react-query";
import { Button, Descriptions, Drawer, Empty, Flex, Skeleton, Table, Tag, Tooltip, Typography } from "antd";
import type { Expert, ExpertHistory } from "../../api/review";
import { expertsApi } from "../../api/review";
import { QueryError } from "../../components/QueryError";
import { divisionLabel, titleLabel } from "../../components/reference-labels";
import { useI18n } from "../../i18n/I18nProvider";
import { ExpertStatusTag } from "./ExpertStatusTag";
import { useFieldLabel } from "./use-field-label";

export const expertKey = (id: string) => ["expert", id] as const;

type DrawEntry = ExpertHistory["draws"][number];
type ReviewEntry = ExpertHistory["reviews"][number];

const placementColors: Record<DrawEntry["placement"], string> = {
  panel: "blue",
  backup: "cyan",
  excluded: "orange",
  "not-selected": "default",
};

/**
 * One expert (GET /api/experts/:id, phone and ID number masked) with their history: every draw that placed,
 * excluded or replaced them, and every panel they sat on (GET /api/experts/:id/history).
 */
export function ExpertDrawer({
  expertId,
  onClose,
  onEdit,
}: {
  expertId: string | null;
  onClose: () => void;
  onEdit: (expert: Expert) => void;
}) {
  const { t } = useI18n();
  const expert = useQuery({
    queryKey: expertKey(expertId ?? ""),
    queryFn: () => expertsApi.get(expertId!),
    enabled: expertId !== null,
  });
  const history = useQuery({
    queryKey: ["expert-history", expertId],
    queryFn: () => expertsApi.history(expertId!),
    enabled: expertId !== null,
  });
  const canEdit = expert.data?.abilities.includes("expert.manage") ?? false;
  return (
    <Drawer
      open={expertId !== null}
      onClose={onClose}
      size={860}
      title={expert.data?.name ?? t("expertPool.detail")}
      destroyOnHidden
      extra={
        expert.data && canEdit ? (
          <Button onClick={() => onEdit(expert.data)} data-testid="expert-drawer-edit">
            {t("expertPool.edit")}
          </Button>
        ) : null
      }
      data-testid="expert-drawer"
    >
      {expert.isPending ? <Skeleton active /> : null}
      {expert.isError ? <QueryError error={expert.error} onRetry={() => expert.refetch()} /> : null}
      {expert.data ? <ExpertDescriptions expert={expert.data} /> : null}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t("expertPool.draws")}
      </Typography.Title>
      {history.isError ? <QueryError error={history.error} onRetry={() => history.refetch()} /> : null}
      <DrawHistory draws={history.data?.draws} loading={history.isPending} />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t("expertPool.reviews")}
      </Typography.Title>
      <ReviewHistory reviews={history.data?.reviews} loading={history.isPending} />
    </Drawer>
  );
}

function ExpertDescriptions({ expert }: { expert: Expert }) {
  const { t, language, date } = useI18n();
  const fieldLabel = useFieldLabel();
  const dash = (value: string | null | undefined) => value || "—";
  return (
    <Descriptions
      bordered
      column={2}
      size="small"
      styles={{ label: { width: 120 } }}
      items={[
        { key: "name", label: t("expert.name"), children: expert.name },
        { key: "title", label: t("expert.title"), children: titleLabel(expert.title, language) },
        {
          key: "unit",
          label: t("expert.unit"),
          span: 2,
          children: (
            <Flex gap={8} align="center" wrap>
              {expert.unitName}
              {expert.unitId ? <Tag color="blue">{t("expertPool.registeredUnit")}</Tag> : null}
            </Flex>
          ),
        },
        {
          key: "division",
          label: t("expert.division"),
          children: expert.divisionCode ? divisionLabel(expert.divisionCode, language) : "—",
        },
        { key: "status", label: t("expert.status"), children: <ExpertStatusTag status={expert.status} /> },
        {
          key: "fields",
          label: t("expert.fields"),
          span: 2,
          children: expert.fields.map((field) => <Tag key={field}>{fieldLabel(field)}</Tag>),
        },
        { key: "phone", label: t("expert.phone"), children: dash(expert.phone) },
        { key: "email", label: t("expertPool.email"), children: dash(expert.email) },
        {
          key: "idNumber",
          label: t("expertPool.idNumber"),
          children: <span style={{ fontFamily: "monospace" }}>{dash(expert.idNumber)}</span>,
        },
        {
          key: "account",
          label: t("expertPool.account"),
          children: expert.accountUsername ? (
            <Flex gap={8} align="center" wrap data-testid="expert-account">
              {t("common.yes")}
              <Tag color="green" style={{ fontFamily: "monospace" }}>
                {expert.accountUsername}
              </Tag>
            </Flex>
          ) : (
            <Typography.Text type="secondary" data-testid="expert-account">
              {t("expertPool.accountNone")}
            </Typography.Text>
          ),
        },
        { key: "note", label: t("expertPool.note"), span: 2, children: dash(expert.note) },
        { key: "created", label: t("expertPool.createdAt"), children: date(expert.createdAt) },
      ]}
    />
  );
}

function DrawHistory({ draws, loading }: { draws: DrawEntry[] | undefined; loading: boolean }) {
  const { t, pick, dateTime } = useI18n();
  return (
    <Table<DrawEntry>
      size="small"
      rowKey="drawId"
      loading={loading}
      dataSource={draws}
      pagination={draws && draws.length > 10 ? { pageSize: 10 } : false}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("expertPool.noDraws")} /> }}
      data-testid="expert-draws"
      columns={[
        {
          title: t("expertPool.drawnAt"),
          dataIndex: "drawnAt",
          width: 150,
          render: (value: string) => <span style={{ whiteSpace: "nowrap" }}>{dateTime(value)}</span>,
        },
        {
          title: t("expertPool.target"),
          key: "target",
          render: (_, draw) => (
            <Flex vertical gap={2}>
              <span>{draw.targetTitle}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("expertPool.attempt", { n: draw.attempt })} · {t(`expertPool.drawStatus.${draw.drawStatus}`)}
              </Typography.Text>
            </Flex>
          ),
        },
        {
          title: t("expertPool.outcome"),
          key: "outcome",
          width: 260,
          render: (_, draw) => (
            <Flex vertical gap={4} align="flex-start">
              <Tooltip
                title={
                  draw.exclusions.length
                    ? draw.exclusions.map((e) => pick(e.reasonZh, e.reasonEn)).join("；")
                    : undefined
                }
              >
                <Tag color={placementColors[draw.placement]}>{t(`expertPool.placement.${draw.placement}`)}</Tag>
              </Tooltip>
              {draw.exclusions.map((e) => (
                <Typography.Text key={e.rule} type="secondary" style={{ fontSize: 12 }}>
                  {pick(e.reasonZh, e.reasonEn)}
                </Typography.Text>
              ))}
              {draw.replacements.map((r) => (
                <Tag key={`${r.direction}-${r.at}`} color={r.direction === "out" ? "red" : "green"}>
                  {t(`expertPool.replaced.${r.direction}`, { reason: t(`expertPool.reason.${r.reason}`) })}
                </Tag>
              ))}
            </Flex>
          ),
        },
      ]}
    />
  );
}

function ReviewHistory({ reviews, loading }: { reviews: ReviewEntry[] | undefined; loading: boolean }) {
  const { t, date, dateTime, number } = useI18n();
  return (
    <Table<ReviewEntry>
      size="small"
      rowKey="assignmentId"
      loading={loading}
      dataSource={reviews}
      pagination={reviews && reviews.length > 10 ? { pageSize: 10 } : false}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("expertPool.noReviews")} /> }}
      data-testid="expert-reviews"
      columns={[
        {
          title: t("expertPool.invitedAt"),
          dataIndex: "invitedAt",
          width: 110,
          render: (value: string) => <span style={{ whiteSpace: "nowrap" }}>{date(value)}</span>,
        },
        { title: t("expertPool.target"), dataIndex: "targetTitle" },
        {
          title: t("expertPool.role"),
          dataIndex: "role",
          width: 70,
          render: (role: ReviewEntry["role"]) => t(`expertPool.role.${role}`),
        },
        {
          title: t("expertPool.reviewStatus"),
          dataIndex: "status",
          width: 150,
          render: (status: ReviewEntry["status"]) => (
            <Tag
              color={
                status === "submitted" ? "green" : status === "declined" || status === "recused" ? "default" : "blue"
              }
            >
              {t(`expertPool.assignment.${status}`)}
            </Tag>
          ),
        },
        {
          title: t("expertPool.total"),
          dataIndex: "total",
          width: 70,
          align: "right",
          render: (total: number | null) => (total === null ? "—" : number(total)),
        },
        {
          title: t("expertPool.submittedAt"),
          dataIndex: "submittedAt",
          width: 150,
          render: (value: string | null) => (value ? dateTime(value) : "—"),
        },
      ]}
    />
  );
}
