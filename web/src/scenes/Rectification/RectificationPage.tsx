import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Descriptions, Flex, Input, Space, Spin, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { type BaseState, baseLifecycle } from "../../../../policy/lifecycles/base.transitions";
import { type RectificationDetail, type RectificationEvent, rectificationsApi } from "../../api/endpoints";
import { isApiError } from "../../api/errors";
import { EvidenceFiles } from "../../components/EvidenceFiles";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { ReasonModal } from "../../components/ReasonModal";
import { useConfirm } from "../../components/useConfirm";
import { useFeedback } from "../../components/useFeedback";
import type { MessageKey } from "../../i18n/dictionary";
import { useI18n } from "../../i18n/I18nProvider";
import { RectificationStateTag, useDueText, useRectificationLabels } from "./rectification-labels";

type Field = "plan" | "finalReport";

/** The department's decisions, asked to confirm (a failure with its reason, Art. 20.6). */
const decisions: ReadonlySet<RectificationEvent> = new Set(["pass", "fail"]);
/** What each event does, said before it is done (a confirmation, or the decision's reason modal). */
const consequenceKeys = {
  "file-plan": "rectification.confirm.file-plan",
  "file-report": "rectification.confirm.file-report",
  pass: "rectification.confirm.pass",
  fail: "rectification.confirm.fail",
  close: "rectification.confirm.close",
} as const satisfies Record<RectificationEvent, MessageKey>;

/**
 * One rectification case (Art. 24): the plan and the final report (edited by the host unit while the server says
 * so), the due date with the days left, and exactly the events the server offers as buttons.
 */
export function RectificationPage() {
  const { id = "" } = useParams();
  // Keyed by the case: another case starts with no drafts.
  return <RectificationCase key={id} id={id} />;
}

function RectificationCase({ id }: { id: string }) {
  const { t, pick, date } = useI18n();
  const labels = useRectificationLabels();
  const dueText = useDueText();
  const feedback = useFeedback();
  const client = useQueryClient();
  const query = useQuery({ queryKey: ["rectifications", id], queryFn: () => rectificationsApi.get(id) });
  const [drafts, setDrafts] = useState<Record<Field, string | null>>({ plan: null, finalReport: null });
  const [asking, setAsking] = useState<RectificationEvent | null>(null);
  const [conflict, setConflict] = useState(false);
  const confirm = useConfirm();
  const detail = query.data;

  const settle = (next: RectificationDetail) => {
    client.setQueryData(["rectifications", id], next);
    client.invalidateQueries({ queryKey: ["rectifications", "list"] });
  };
  const refused = (error: unknown) => {
    feedback.fail(error);
    if (isApiError(error) && error.status === 409) {
      setConflict(true);
      setDrafts({ plan: null, finalReport: null });
      query.refetch();
    }
  };

  const dirtyField = (current: RectificationDetail): Field | null => {
    if (current.planEditable && drafts.plan !== null && drafts.plan !== (current.plan ?? "")) return "plan";
    if (current.reportEditable && drafts.finalReport !== null && drafts.finalReport !== (current.finalReport ?? ""))
      return "finalReport";
    return null;
  };
  const saveField = async (current: RectificationDetail, field: Field) => {
    const text = drafts[field] ?? "";
    const next =
      field === "plan"
        ? await rectificationsApi.savePlan(current.id, text, current.version)
        : await rectificationsApi.saveReport(current.id, text, current.version);
    setDrafts((before) => ({ ...before, [field]: null }));
    settle(next);
    return next;
  };
  const save = useMutation({
    mutationFn: (field: Field) => saveField(detail!, field),
    onSuccess: () => {
      setConflict(false);
      feedback.done(t("rectification.saved"));
    },
    onError: refused,
  });
  const fire = useMutation({
    mutationFn: async (input: { event: RectificationEvent; reason?: string }) => {
      let current = detail!;
      const dirty = dirtyField(current);
      if (dirty) current = await saveField(current, dirty);
      return rectificationsApi.fire(current.id, { ...input, expectedVersion: current.version });
    },
    onSuccess: (next, input) => {
      setAsking(null);
      setConflict(false);
      settle(next);
      client.invalidateQueries({ queryKey: ["bases"] });
      feedback.done(t("rectification.event.done", { event: labels.event(input.event) }));
    },
    onError: refused,
  });

  if (query.isPending) return <Spin />;
  if (query.isError || !detail) {
    if (isApiError(query.error) && query.error.status === 404) {
      return <Alert type="warning" showIcon title={t("rectification.notFound")} />;
    }
    return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  }

  const decided = detail.state === "passed" || detail.state === "failed";
  const baseLabel = baseLifecycle.stateLabels[detail.baseStatus as BaseState];
  const busy = save.isPending || fire.isPending;

  const textCard = (field: Field, editable: boolean) => {
    const saved = (field === "plan" ? detail.plan : detail.finalReport) ?? "";
    const value = drafts[field] ?? saved;
    const title = field === "plan" ? t("rectification.plan") : t("rectification.report");
    const hint = field === "plan" ? t("rectification.plan.hint") : t("rectification.report.hint");
    if (!editable && !saved) return null;
    return (
      <Card title={title} style={{ marginBottom: 16 }} data-testid={`rectification-${field}`}>
        {editable ? (
          <>
            <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
            <Input.TextArea
              value={value}
              onChange={(event) => setDrafts((before) => ({ ...before, [field]: event.target.value }))}
              autoSize={{ minRows: 6, maxRows: 24 }}
              maxLength={20_000}
              showCount
              data-testid={`rectification-${field}-input`}
            />
            <Flex justify="end" style={{ marginTop: 12 }}>
              <Button
                onClick={() => save.mutate(field)}
                loading={save.isPending}
                disabled={busy || value === saved}
                data-testid={`rectification-${field}-save`}
              >
                {t("rectification.save")}
              </Button>
            </Flex>
          </>
        ) : (
          <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>{saved}</Typography.Paragraph>
        )}
      </Card>
    );
  };

  // None fires on one click: the department's decisions ask for a reason (ReasonModal), a filing for a confirmation.
  const eventButton = (event: RectificationEvent) => (
    <Button
      key={event}
      type={event === "fail" ? "default" : "primary"}
      danger={event === "fail"}
      loading={fire.isPending && fire.variables?.event === event}
      disabled={busy && fire.variables?.event !== event}
      data-testid={`event-${event}`}
      onClick={() =>
        decisions.has(event)
          ? setAsking(event)
          : confirm({
              title: labels.event(event),
              content: t(consequenceKeys[event]),
              onOk: () => fire.mutate({ event }),
            })
      }
    >
      {labels.event(event)}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={`${detail.baseName} · ${t("rectification.title", { year: detail.year })}`}
        extra={<Link to="/rectifications">{t("rectification.back")}</Link>}
      />
      {conflict ? (
        <Alert type="warning" showIcon title={t("rectification.conflict")} style={{ marginBottom: 16 }} />
      ) : null}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t("rectification.base")}>
            <Link to={`/bases/${detail.baseId}`}>{detail.baseName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t("rectification.unit")}>{detail.unitName}</Descriptions.Item>
          <Descriptions.Item label={t("rectification.state")}>
            <RectificationStateTag state={detail.state} />
          </Descriptions.Item>
          <Descriptions.Item label={t("rectification.baseStatus")}>
            {baseLabel ? pick(baseLabel.zh, baseLabel.en) : detail.baseStatus}
          </Descriptions.Item>
          <Descriptions.Item label={t("rectification.openedOn")}>{date(detail.openedOn)}</Descriptions.Item>
          <Descriptions.Item label={t("rectification.dueOn")}>
            <Typography.Text
              type={!decided && detail.daysLeft < 0 ? "danger" : undefined}
              data-testid="rectification-due"
            >
              {dueText(detail.dueOn, detail.daysLeft, decided)}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {textCard("plan", detail.planEditable)}
      {textCard("finalReport", detail.reportEditable)}
      <EvidenceFiles owner="rectifications" id={detail.id} state={detail.state} />
      {decided ? (
        <Card title={t("rectification.decision")} style={{ marginBottom: 16 }} data-testid="rectification-decision">
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t("rectification.state")}>
              <RectificationStateTag state={detail.state} />
            </Descriptions.Item>
            <Descriptions.Item label={t("rectification.decidedOn")}>{date(detail.decidedOn)}</Descriptions.Item>
            <Descriptions.Item label={t("rectification.decidedBy")}>{detail.decidedBy ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("rectification.decisionReason")}>
              {detail.decisionReason ?? "—"}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      ) : null}
      <Card>
        {detail.availableEvents.length === 0 ? (
          <Typography.Text type="secondary">{t("rectification.noActions")}</Typography.Text>
        ) : (
          <Space direction="vertical">
            {dirtyField(detail) ? <Typography.Text type="warning">{t("rectification.unsaved")}</Typography.Text> : null}
            <Space wrap>{detail.availableEvents.map(eventButton)}</Space>
          </Space>
        )}
      </Card>
      <ReasonModal
        open={asking !== null}
        title={asking ? labels.event(asking) : ""}
        description={asking ? t(consequenceKeys[asking]) : undefined}
        required={asking === "fail"}
        danger={asking === "fail"}
        loading={fire.isPending}
        onCancel={() => setAsking(null)}
        onSubmit={(reason) => asking && fire.mutate({ event: asking, ...(reason ? { reason } : {}) })}
      />
    </>
  );
}
