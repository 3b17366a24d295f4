import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Descriptions, Flex, Form, List, Space, Spin, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import type { Verdict } from "../../../../policy/eligibility/findings";
import { type ChangeReportDetail, type ChangeReportEvent, changeReportsApi } from "../../api/change-reports";
import { isApiError } from "../../api/errors";
import { ArticleRef } from "../../components/ArticleRef";
import { useCountryName } from "../../components/CountrySelect";
import { EvidenceFiles } from "../../components/EvidenceFiles";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { ReasonModal } from "../../components/ReasonModal";
import { useConfirm } from "../../components/useConfirm";
import { useFeedback } from "../../components/useFeedback";
import type { MessageKey } from "../../i18n/dictionary";
import { useI18n } from "../../i18n/I18nProvider";
import { type ChangeFormValues, ChangeReportForm, formValuesOf } from "./ChangeReportForm";
import { ChangeReportDue, ChangeReportStateTag, eventKeys } from "./change-report-labels";

const verdictColors: Record<Verdict, string> = {
  pass: "green",
  fail: "red",
  soft: "orange",
  judgement: "blue",
  attested: "cyan",
  missing: "gold",
};

/** What each event does, said before it is done: a confirmation, or (a return) the reason modal's sentence. */
const confirmKeys = {
  submit: "changeReport.confirm.submit",
  approve: "changeReport.confirm.approve",
  file: "changeReport.confirm.file",
  withdraw: "changeReport.confirm.withdraw",
  return: "changeReport.confirm.return",
} as const satisfies Record<ChangeReportEvent, MessageKey>;

/**
 * One major change report (Art. 18.5): the change, its deadline, what filing does to the registry and the rules it
 * was checked against (Art. 7.2, 12, 13, 29–30), the evidence, and exactly the events the server offers.
 */
export function ChangeReportPage() {
  const { id = "" } = useParams();
  return <ChangeReport key={id} id={id} />;
}

function ChangeReport({ id }: { id: string }) {
  const { t, pick, date } = useI18n();
  const feedback = useFeedback();
  const client = useQueryClient();
  const countryName = useCountryName();
  const [form] = Form.useForm<ChangeFormValues>();
  const [dirty, setDirty] = useState(false);
  const [returning, setReturning] = useState(false);
  const [conflict, setConflict] = useState(false);
  const confirm = useConfirm();
  const query = useQuery({ queryKey: ["change-reports", id], queryFn: () => changeReportsApi.get(id) });
  const detail = query.data;

  const settle = (next: ChangeReportDetail) => {
    client.setQueryData(["change-reports", id], next);
    client.invalidateQueries({ queryKey: ["change-reports", "list"] });
    client.invalidateQueries({ queryKey: ["bases"] });
    if (next.editable) form.setFieldsValue(formValuesOf(next));
    setDirty(false);
  };
  const refused = (error: unknown) => {
    feedback.fail(error, form);
    if (isApiError(error) && error.status === 409) {
      setConflict(true);
      query.refetch().then((result) => result.data && settle(result.data));
    }
  };
  const saveDraft = async (current: ChangeReportDetail) => {
    const values = form.getFieldsValue(true) as ChangeFormValues;
    const next = await changeReportsApi.save(current.id, {
      ...(values.changedOn ? { changedOn: values.changedOn } : {}),
      description: values.description ?? "",
      proposed: values.proposed,
      expectedVersion: current.version,
    });
    settle(next);
    return next;
  };
  const save = useMutation({
    mutationFn: () => saveDraft(detail!),
    onSuccess: () => {
      setConflict(false);
      feedback.done(t("changeReport.saved"));
    },
    onError: refused,
  });
  const fire = useMutation({
    mutationFn: async (input: { event: ChangeReportEvent; reason?: string }) => {
      let current = detail!;
      if (dirty && current.editable && input.event === "submit") current = await saveDraft(current);
      return changeReportsApi.fire(current.id, { ...input, expectedVersion: current.version });
    },
    onSuccess: (next, input) => {
      setReturning(false);
      setConflict(false);
      settle(next);
      feedback.done(t("changeReport.event.done", { event: t(eventKeys[input.event]) }));
    },
    onError: refused,
  });

  if (query.isPending) return <Spin />;
  if (query.isError || !detail) {
    if (isApiError(query.error) && query.error.status === 404) {
      return <Alert type="warning" showIcon title={t("changeReport.notFound")} />;
    }
    return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  }

  const busy = save.isPending || fire.isPending;
  const { effects } = detail;
  const countriesText = (countries: { key: string[]; main: string[]; radiating: string[] } | undefined) =>
    countries
      ? (["key", "main", "radiating"] as const)
          .map(
            (level) =>
              `${t(`changeReport.countries.${level}`)}：${countries[level].map(countryName).join("、") || "—"}`,
          )
          .join("；")
      : "—";
  const proposedText = () => {
    const proposed = detail.proposed;
    if (detail.kind === "director") return proposed.directorName || "—";
    if (detail.kind === "name") return effects.newStandardName ?? proposed.field ?? "—";
    if (detail.kind === "key-or-main-countries") return countriesText(proposed.countries);
    return proposed.workPlanSummary || "—";
  };

  // None fires on one click: a return asks for its reason, every other event for a confirmation saying what follows.
  const eventButton = (event: ChangeReportEvent) => (
    <Button
      key={event}
      type={event === "submit" || event === "approve" || event === "file" ? "primary" : "default"}
      danger={event === "withdraw"}
      loading={fire.isPending && fire.variables?.event === event}
      disabled={busy && fire.variables?.event !== event}
      data-testid={`change-report-${event}`}
      onClick={() =>
        event === "return"
          ? setReturning(true)
          : confirm({
              title: t(eventKeys[event]),
              content: t(confirmKeys[event]),
              danger: event === "withdraw",
              onOk: () => fire.mutate({ event }),
            })
      }
    >
      {t(eventKeys[event])}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={`${detail.baseName} · ${pick(detail.kindZh, detail.kindEn)}`}
        extra={<Link to="/change-reports">{t("changeReport.back")}</Link>}
      />
      {conflict ? (
        <Alert type="warning" showIcon title={t("changeReport.conflict")} style={{ marginBottom: 16 }} />
      ) : null}
      {detail.returnReason && detail.state === "returned" ? (
        <Alert
          type="warning"
          showIcon
          title={`${t("changeReport.returnReason")}：${detail.returnReason}`}
          style={{ marginBottom: 16 }}
          data-testid="change-report-return-reason"
        />
      ) : null}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t("changeReport.base")}>
            <Link to={`/bases/${detail.baseId}`}>{detail.baseName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t("changeReport.unit")}>{detail.unitName}</Descriptions.Item>
          <Descriptions.Item label={t("changeReport.kind")}>
            <span data-testid="change-report-kind-label">{pick(detail.kindZh, detail.kindEn)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t("changeReport.state")}>
            <ChangeReportStateTag row={detail} />
          </Descriptions.Item>
          <Descriptions.Item label={t("changeReport.changedOn")}>{date(detail.changedOn)}</Descriptions.Item>
          <Descriptions.Item label={t("changeReport.dueOn")}>
            <ChangeReportDue row={detail} />
          </Descriptions.Item>
          {detail.filedOn ? (
            <Descriptions.Item label={t("changeReport.filedOn")}>
              <span data-testid="change-report-filed-on">{date(detail.filedOn)}</span>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      {detail.editable ? (
        <Card style={{ marginBottom: 16 }}>
          <ChangeReportForm detail={detail} form={form} onValuesChange={() => setDirty(true)} />
          <Flex justify="end">
            <Button
              onClick={() => save.mutate()}
              loading={save.isPending}
              disabled={busy || !dirty}
              data-testid="change-report-save"
            >
              {t("changeReport.save")}
            </Button>
          </Flex>
        </Card>
      ) : detail.description ? (
        <Card title={t("changeReport.description")} style={{ marginBottom: 16 }}>
          <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>
            {detail.description}
          </Typography.Paragraph>
        </Card>
      ) : null}
      <Card title={t("changeReport.checks")} style={{ marginBottom: 16 }} data-testid="change-report-effects">
        <Descriptions column={1} size="small" bordered styles={{ label: { width: 160 } }}>
          <Descriptions.Item label={t("changeReport.before")}>
            <span data-testid="change-report-before">
              {detail.kind === "key-or-main-countries" && detail.previous?.countries
                ? countriesText(detail.previous.countries)
                : effects.previousText}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={detail.kind === "name" ? t("changeReport.newName") : t("changeReport.after")}>
            <span data-testid="change-report-after">{proposedText()}</span>
          </Descriptions.Item>
        </Descriptions>
        {effects.refusals.length > 0 ? (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 16 }}
            title={t("changeReport.refusals")}
            data-testid="change-report-refusals"
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {effects.refusals.map((refusal) => (
                  <li key={`${refusal.code}-${refusal.path}`}>{pick(refusal.messageZh, refusal.messageEn)}</li>
                ))}
              </ul>
            }
          />
        ) : null}
        {effects.warnings.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 16 }}
            title={t("changeReport.warnings")}
            data-testid="change-report-warnings"
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {effects.warnings.map((warning) => (
                  <li key={warning.ruleId}>
                    <ArticleRef article={warning.article} />：{pick(warning.messageZh, warning.messageEn)}
                  </li>
                ))}
              </ul>
            }
          />
        ) : null}
        {effects.checks.length > 0 ? (
          <List
            size="small"
            style={{ marginTop: 16 }}
            dataSource={effects.checks}
            renderItem={(check) => (
              <List.Item data-testid={`change-report-check-${check.ruleId}`}>
                <Space align="start">
                  <Tag color={verdictColors[check.verdict]}>{t(`changeReport.verdict.${check.verdict}`)}</Tag>
                  <Typography.Text type="secondary">
                    <ArticleRef article={check.article} />
                  </Typography.Text>
                  <span>{pick(check.messageZh, check.messageEn)}</span>
                </Space>
              </List.Item>
            )}
          />
        ) : null}
      </Card>
      <EvidenceFiles owner="change-reports" id={detail.id} state={detail.state} />
      <Card>
        {detail.availableEvents.length === 0 ? (
          <Typography.Text type="secondary">{t("changeReport.noActions")}</Typography.Text>
        ) : (
          <Space direction="vertical">
            {dirty && detail.editable ? (
              <Typography.Text type="warning">{t("changeReport.unsaved")}</Typography.Text>
            ) : null}
            <Space wrap>{detail.availableEvents.map(eventButton)}</Space>
          </Space>
        )}
      </Card>
      <ReasonModal
        open={returning}
        title={t("changeReport.event.return")}
        description={t(confirmKeys.return)}
        required
        danger
        loading={fire.isPending}
        onCancel={() => setReturning(false)}
        onSubmit={(reason) => fire.mutate({ event: "return", ...(reason ? { reason } : {}) })}
      />
    </>
  );
}
