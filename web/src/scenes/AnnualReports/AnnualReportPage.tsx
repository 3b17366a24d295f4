import { DownloadOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App as AntApp, Button, Card, Col, Form, type FormInstance, Row, Space, Typography } from "antd";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { type AnnualReportDetail, evaluationApi } from "../../api/annual-reports";
import { ApiError, isApiError } from "../../api/errors";
import { applyFieldErrors } from "../../api/form-errors";
import { hasAbility, useSession } from "../../api/session";
import { EvidenceFiles } from "../../components/EvidenceFiles";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";
import { annualReportMessages } from "../../i18n/messages/annual-reports";
import { AchievementCandidatesCard } from "./AchievementCandidatesCard";
import { CorrectionAlert } from "./CorrectionAlert";
import { ReportEventButtons } from "./ReportEventButtons";
import { DeadlineText, HistoryPanel, MissingPanel, ProgressPanel } from "./ReportPanels";
import { ReportFormSections, ReportView } from "./ReportSections";
import { ReportStateTag } from "./report-labels";
import { contentOf } from "./report-spec";

const reportKey = (id: string) => ["annual-reports", id] as const;

const namePath = (path: string) => path.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/**
 * The server's field errors of a rejected save, with the body's `content.` prefix taken off to match the form. A
 * field the server refused while it is still empty is simply "required": the parser's wording (expected string,
 * received undefined) is not for the user.
 */
function contentErrors(error: ApiError, form: FormInstance, required: { zh: string; en: string }): ApiError {
  return new ApiError(error.status, {
    code: error.code,
    messageZh: error.messageZh,
    messageEn: error.messageEn,
    errors: error.fieldErrors.map((field) => {
      const path = field.path.replace(/^content\./, "");
      const value: unknown = form.getFieldValue(namePath(path));
      const empty = value === undefined || value === null || value === "";
      return empty ? { path, messageZh: required.zh, messageEn: required.en } : { ...field, path };
    }),
  });
}

/**
 * The host unit's draft, saved by itself a moment after each change (PUT with the version it read); saves run one at a
 * time. A stale version or a report that moved on (409) reloads the latest and says so; fields the contract refuses
 * (400) are marked and the next change tries again.
 */
function useReportDraft(detail: AnnualReportDetail | undefined, form: FormInstance, editable: boolean) {
  const { t, language } = useI18n();
  const { message } = AntApp.useApp();
  const required = useMemo(
    () => ({ zh: annualReportMessages.zh["report.required"], en: annualReportMessages.en["report.required"] }),
    [],
  );
  const feedback = useFeedback();
  const client = useQueryClient();
  const id = detail?.id ?? "";
  // Each change bumps the revision; a save marks as saved only the revision it started from.
  const [revision, setRevision] = useState(0);
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [invalid, setInvalid] = useState(0);
  const revisionRef = useRef(0);
  const savedRef = useRef(0);
  const refused = useRef<{ revision: number; error: unknown } | null>(null);
  const version = useRef<number | null>(null);
  const marked = useRef<(string | number)[][]>([]);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const markDirty = useCallback(() => {
    revisionRef.current += 1;
    setRevision(revisionRef.current);
  }, []);

  const clearMarks = useCallback(() => {
    if (marked.current.length > 0) form.setFields(marked.current.map((name) => ({ name, errors: [] })));
    marked.current = [];
    refused.current = null;
    setInvalid(0);
  }, [form]);

  /** Puts the server's content into the form and takes its version as the one to save against. */
  const load = useCallback(
    (next: AnnualReportDetail) => {
      version.current = next.version;
      form.resetFields();
      form.setFieldsValue(next.content);
      clearMarks();
      savedRef.current = revisionRef.current;
      setRevision(revisionRef.current);
    },
    [clearMarks, form],
  );

  useEffect(() => {
    if (detail && editable && version.current === null) load(detail);
    if (!editable) version.current = null;
  }, [detail, editable, load]);

  const reloadLatest = useCallback(async () => {
    const fresh = await client.fetchQuery({
      queryKey: reportKey(id),
      queryFn: () => evaluationApi.report(id),
      staleTime: 0,
    });
    if (fresh.editable) load(fresh);
    else version.current = null;
    message.warning(t("report.conflict"));
  }, [client, id, load, message, t]);

  const saveOnce = useCallback(async () => {
    const started = revisionRef.current;
    if (version.current === null || started <= savedRef.current || refused.current?.revision === started) return;
    setSaving(true);
    try {
      const saved = await evaluationApi.save(id, contentOf(form.getFieldsValue(true)), version.current);
      version.current = saved.version;
      savedRef.current = started;
      setSavedAt(new Date());
      clearMarks();
      // The detail's `missing` and `progress` follow the saved content; the form keeps what the user is typing.
      await client.invalidateQueries({ queryKey: reportKey(id) });
    } catch (error) {
      if (isApiError(error) && error.status === 409) {
        await reloadLatest();
      } else if (isApiError(error) && error.status === 400) {
        const scoped = contentErrors(error, form, required);
        applyFieldErrors(form, scoped, language);
        marked.current = scoped.fieldErrors.map((field) => namePath(field.path));
        refused.current = { revision: started, error: scoped };
        setInvalid(scoped.fieldErrors.length);
      } else {
        refused.current = { revision: started, error };
        feedback.fail(error);
      }
    } finally {
      setSaving(false);
      setRevision(revisionRef.current);
    }
  }, [clearMarks, client, feedback, form, id, language, reloadLatest, required]);

  const save = useCallback(() => {
    const next = queue.current.then(saveOnce);
    queue.current = next.catch(() => undefined);
    return next;
  }, [saveOnce]);

  const dirty = revision > savedRef.current;
  useEffect(() => {
    if (!editable || !dirty || saving || refused.current?.revision === revision) return;
    const timer = setTimeout(() => void save(), 1500);
    return () => clearTimeout(timer);
  }, [dirty, editable, revision, save, saving]);

  /** Saves what is pending before an event and answers the version the event must expect; refuses if it cannot. */
  const flush = useCallback(async () => {
    if (!editable) return null;
    await save();
    if (refused.current) throw refused.current.error;
    return version.current;
  }, [editable, save]);

  const status =
    invalid > 0
      ? { type: "danger" as const, text: t("report.invalid", { n: invalid }) }
      : saving || dirty
        ? { type: "secondary" as const, text: t("editor.saving") }
        : savedAt
          ? { type: "secondary" as const, text: t("editor.saved", { time: savedAt.toTimeString().slice(0, 5) }) }
          : null;
  return { markDirty, flush, status, load };
}

/**
 * One annual report (Art. 16.4, 18, 22): the host unit's editor while the server says it is `editable` (every section,
 * autosaved), otherwise the same sections read-only; beside it what is still missing, the work plan's targets, the
 * deadline, the actions the server offers and the history.
 */
export function AnnualReportPage() {
  const { id = "" } = useParams();
  const me = useSession();
  const { t } = useI18n();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const query = useQuery({ queryKey: reportKey(id), queryFn: () => evaluationApi.report(id) });
  const detail = query.data;
  const editable = Boolean(detail?.editable);
  const draft = useReportDraft(detail, form, editable);

  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  if (!detail) return <Card loading />;

  const lastEvent = detail.events.at(-1);
  const returned = lastEvent?.event === "return-report" && editable ? lastEvent.reason : null;
  const counting = detail.state === "awaiting-report" || detail.state === "correction-window";
  const back = hasAbility(me, "evaluation.manage") ? `/evaluation/${detail.roundId}` : "/annual-reports";
  return (
    <>
      <PageHeader
        title={detail.baseName}
        intro={
          <Space split="·" wrap>
            <span>{detail.unitName}</span>
            <span>{t("report.title", { year: detail.year })}</span>
            <DeadlineText deadline={detail.reportDeadline} counting={counting} />
            <Link to={back}>{t(hasAbility(me, "evaluation.manage") ? "round.back" : "nav.annualReports")}</Link>
          </Space>
        }
        extra={
          <>
            <ReportStateTag state={detail.state} testId="report-state" />
            <Button
              size="small"
              icon={<DownloadOutlined />}
              href={evaluationApi.documentUrl(detail.id, "docx")}
              data-testid="report-docx"
            >
              Word
            </Button>
            <Button
              size="small"
              icon={<DownloadOutlined />}
              href={evaluationApi.documentUrl(detail.id, "pdf")}
              data-testid="report-pdf"
            >
              PDF
            </Button>
            {editable && draft.status ? (
              <Typography.Text type={draft.status.type} data-testid="save-status">
                {draft.status.text}
              </Typography.Text>
            ) : null}
          </>
        }
      />
      {returned ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("report.returned", { reason: returned })}
          data-testid="returned-reason"
        />
      ) : null}
      <CorrectionAlert detail={detail} />
      {!editable &&
      detail.state !== "correction-window" &&
      hasAbility(me, "annual-report.submit") &&
      me.jurisdiction.unitId ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t("report.readonly")} />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} xl={18}>
          {editable ? (
            <Form form={form} layout="vertical" onValuesChange={draft.markDirty} data-testid="report-editor">
              <ReportFormSections />
            </Form>
          ) : (
            <div data-testid="report-view">
              <ReportView content={detail.content} />
            </div>
          )}
          <EvidenceFiles owner="annual-reports" id={detail.id} state={detail.state} />
          <AchievementCandidatesCard reportId={detail.id} />
        </Col>
        <Col xs={24} xl={6}>
          <div style={{ position: "sticky", top: 16 }}>
            <Card size="small" title={t("report.actions")} style={{ marginBottom: 16 }}>
              <ReportEventButtons
                detail={detail}
                beforeFire={draft.flush}
                onRefused={() => client.invalidateQueries({ queryKey: reportKey(id) })}
                onDone={(next) => {
                  client.setQueryData(reportKey(id), next);
                  if (next.editable) draft.load(next);
                }}
              />
            </Card>
            {editable || detail.missing.length > 0 ? <MissingPanel missing={detail.missing} /> : null}
            <ProgressPanel progress={detail.progress} />
            <HistoryPanel events={detail.events} />
          </div>
        </Col>
      </Row>
    </>
  );
}
