import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Col, Descriptions, Form, Row, Steps, Tag, Timeline, Typography } from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { applicationReadApi } from "../../api/application-read";
import { dossiersApi } from "../../api/dossiers";
import { isApiError } from "../../api/errors";
import { type ApplicationDetail, applicationsApi } from "../../api/recognition";
import { DossierButton } from "../../components/DossierButton";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import type { MessageKey } from "../../i18n/dictionary";
import { useI18n } from "../../i18n/I18nProvider";
import { EligibilityPanel } from "./EligibilityPanel";
import { EventButtons } from "./EventButtons";
import { eventLabelKey } from "./event-label";
import { AttestationSection, BasicsSection, DirectorSection, EvidenceSection, PartnersSection } from "./form-sections";
import { MaterialsSection } from "./MaterialsSection";

const steps = ["basics", "partners", "director", "evidence", "materials", "submit"] as const;

/** Drops empty strings, empty objects and empty list rows, so an untouched input is "not given", not "invalid". */
function clean(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clean).filter((v) => v !== undefined);
  if (value && typeof value === "object") {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, clean(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  return value === "" || value === null ? undefined : value;
}

/**
 * One application: the applicant's multi-step editor (autosaved every few seconds, 409 shown as a conflict banner,
 * the standard name and the findings from the server), and for recommenders and officers the same record read-only
 * with the actions the server allows.
 */
export function ApplicationPage() {
  const { id = "" } = useParams();
  const { t, pick, dateTime } = useI18n();
  const eventName = (event: string) => {
    const key = eventLabelKey(event);
    return key ? t(key) : event;
  };
  const client = useQueryClient();
  const [form] = Form.useForm();
  const [step, setStep] = useState(0);
  // Each change bumps the revision; a save clears "dirty" only if nothing changed while it was in flight.
  const [revision, setRevision] = useState(0);
  const [savedRevision, setSavedRevision] = useState(0);
  const dirty = revision > savedRevision;
  const markDirty = useCallback(() => setRevision((r) => r + 1), []);
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [conflict, setConflict] = useState(false);
  const version = useRef<number | null>(null);
  const query = useQuery({ queryKey: ["applications", id], queryFn: () => applicationsApi.get(id) });
  const detail = query.data;
  // The server grants application.update only while the applicant may edit (policy decides the states).
  const editable = Boolean(detail?.abilities.includes("application.update"));

  const accept = useCallback(
    (next: ApplicationDetail) => {
      version.current = next.version;
      client.setQueryData(["applications", id], next);
    },
    [client, id],
  );

  useEffect(() => {
    if (detail && version.current === null) {
      version.current = detail.version;
      form.setFieldsValue(detail.form);
    }
  }, [detail, form]);

  const save = useCallback(async () => {
    if (!detail || version.current === null) return;
    setSaving(true);
    const started = revision;
    try {
      const values = (clean(form.getFieldsValue(true)) ?? {}) as ApplicationDetail["form"];
      const next = await applicationsApi.save(id, values, version.current);
      setSavedRevision(started);
      setSavedAt(new Date());
      accept(next);
    } catch (error) {
      if (isApiError(error) && error.status === 409) setConflict(true);
    } finally {
      setSaving(false);
    }
  }, [accept, detail, form, id, revision]);

  useEffect(() => {
    if (!dirty || saving || conflict || !editable) return;
    const timer = setTimeout(() => void save(), 2000);
    return () => clearTimeout(timer);
  }, [dirty, saving, conflict, editable, save]);

  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  if (!detail) return <Card loading />;

  const status = conflict
    ? null
    : saving || dirty
      ? t("editor.saving")
      : savedAt
        ? t("editor.saved", { time: savedAt.toTimeString().slice(0, 5) })
        : null;
  return (
    <>
      <PageHeader
        title={
          detail.standardName ??
          pick(detail.standardNameProblem?.messageZh ?? "", detail.standardNameProblem?.messageEn ?? "")
        }
        intro={`${detail.unitName} · ${detail.callTitleZh}`}
        extra={
          <>
            <Tag color="blue" data-testid="application-state">
              {pick(detail.stateLabelZh, detail.stateLabelEn)}
            </Tag>
            <Link to={applicationReadApi.pagePath(detail.id)} data-testid="open-read">
              <Button type="primary" ghost>
                {t("read.open")}
              </Button>
            </Link>
            <DossierButton href={dossiersApi.applicationUrl(detail.id)} />
            {status ? (
              <Typography.Text type="secondary" data-testid="save-status">
                {status}
              </Typography.Text>
            ) : null}
          </>
        }
      />
      {conflict ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={t("editor.conflict")}
          data-testid="conflict-banner"
          action={<Button onClick={() => window.location.reload()}>{t("action.reload")}</Button>}
        />
      ) : null}
      {!editable && detail.abilities.includes("application.submit") ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t("editor.readonly")} />
      ) : null}
      {detail.lastReason ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`${t("decision.reason")}：${detail.lastReason}`}
        />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card>
            <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t("editor.standardName")}>
                <span data-testid="standard-name">{detail.standardName ?? "—"}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t("apps.recommender")}>{detail.recommenderName}</Descriptions.Item>
            </Descriptions>
            <Steps
              size="small"
              current={step}
              onChange={setStep}
              items={steps.map((s) => ({ title: t(`editor.step.${s}` as MessageKey) }))}
              style={{ marginBottom: 16 }}
            />
            <Form form={form} layout="vertical" disabled={!editable || conflict} onValuesChange={markDirty}>
              <div hidden={step !== 0}>
                <BasicsSection />
              </div>
              <div hidden={step !== 1}>
                <PartnersSection />
              </div>
              <div hidden={step !== 2}>
                <DirectorSection
                  onDirector={(person) => {
                    form.setFieldValue(["director", "name"], person?.name);
                    markDirty();
                  }}
                />
              </div>
              <div hidden={step !== 3}>
                <EvidenceSection />
              </div>
              <div hidden={step !== 5}>
                <AttestationSection />
              </div>
            </Form>
            {step === 4 ? (
              <MaterialsSection detail={detail} editable={editable && !conflict} onChange={accept} />
            ) : null}
            <div style={{ marginTop: 16, display: "flex", justifyContent: "space-between" }}>
              <Button disabled={step === 0} onClick={() => setStep(step - 1)}>
                ←
              </Button>
              <EventButtons
                detail={detail}
                onDone={accept}
                beforeFire={async () => {
                  if (dirty && editable) await save();
                  return version.current;
                }}
              />
              <Button disabled={step === steps.length - 1} onClick={() => setStep(step + 1)} data-testid="step-next">
                →
              </Button>
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <EligibilityPanel detail={detail} />
          <Card size="small" title={t("history.title")} style={{ marginTop: 16 }}>
            <Timeline
              items={detail.events.map((e) => ({
                children: `${dateTime(e.at)} ${e.actorName ?? ""} ${eventName(e.event)}${e.reason ? `：${e.reason}` : ""}`,
              }))}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
