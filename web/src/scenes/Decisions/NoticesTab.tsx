import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, DatePicker, Flex, Form, Input, Select, Table, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { QueryError } from "../../components/QueryError";
import { useConfirm } from "../../components/useConfirm";
import { useFeedback } from "../../components/useFeedback";
import type { MessageKey } from "../../i18n/dictionary";
import { useI18n } from "../../i18n/I18nProvider";
import { type Candidate, decisionApi, type Notice, type Objection } from "./decision-api";
import { ObjectionModal } from "./ObjectionModal";
import { TextModal } from "./TextModal";

type Step = { objection: Objection; action: "investigate" | "upheld" | "dismissed" };

/** 公示 (5 working days on the holiday calendar) and its objections: received → investigating → upheld | dismissed. */
export function NoticesTab({ candidates }: { candidates: Candidate[] }) {
  const { t } = useI18n();
  const { fail, done } = useFeedback();
  const confirm = useConfirm();
  const client = useQueryClient();
  const [form] = Form.useForm<{ startOn: Dayjs; title?: string; applicationIds: string[] }>();
  const [objectionFor, setObjectionFor] = useState<Notice | null>(null);
  const [step, setStep] = useState<Step | null>(null);
  // The 工作台's links: ?objections=open (the objections still to handle) and ?endingWithin=7 (公示 ending soon) — the
  // same parameters the lists' endpoints take, so the page shows exactly the rows the card counted.
  const [params, setParams] = useSearchParams();
  const objectionsFilter = params.get("objections") === "open" ? ("open" as const) : undefined;
  const endingWithinParam = params.get("endingWithin");
  const endingWithin = endingWithinParam ? Number(endingWithinParam) : undefined;
  const notices = useQuery({
    queryKey: ["decisions", "notices", { endingWithin }],
    queryFn: () => decisionApi.notices({ endingWithin }),
  });
  const openObjections = useQuery({
    queryKey: ["decisions", "objections", { objections: objectionsFilter }],
    queryFn: () => decisionApi.objections({ objections: objectionsFilter }),
    enabled: objectionsFilter !== undefined,
  });
  const showAll = () => setParams({ tab: "notices" }, { replace: true });
  const noticeTitle = (id: string) => notices.data?.find((notice) => notice.id === id)?.title ?? "";
  // Objections lodged on the public 公示 page carry a tag; the others were entered from the letters received.
  const refresh = () => client.invalidateQueries({ queryKey: ["decisions"] });
  const approved = candidates.filter((c) => c.events.includes("publish"));
  const publish = useMutation({
    mutationFn: (values: { startOn: Dayjs; title?: string; applicationIds: string[] }) =>
      decisionApi.publish({ ...values, startOn: values.startOn.format("YYYY-MM-DD") }),
    onSuccess: (notice) => {
      done(`${t("decisions.notice.endOn")}：${notice.endOn}`);
      form.resetFields();
      refresh();
    },
    onError: (error) => fail(error, form),
  });
  const move = useMutation({
    mutationFn: ({ objection, action, text }: Step & { text: string }) =>
      action === "investigate"
        ? decisionApi.investigate(objection.id, text)
        : decisionApi.resolve(objection.id, action, text),
    onSuccess: () => {
      done(t("decisions.done"));
      setStep(null);
      refresh();
    },
    onError: (error) => fail(error),
  });

  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form
          form={form}
          layout="inline"
          onFinish={(values) =>
            confirm({
              title: t("decisions.notice.publish"),
              content: t("consequence.publish"),
              onOk: () => publish.mutate(values),
            })
          }
          style={{ rowGap: 12 }}
        >
          <Form.Item name="startOn" label={t("decisions.notice.startOn")} rules={[{ required: true }]}>
            <DatePicker data-testid="notice-start" />
          </Form.Item>
          <Form.Item name="title" label={t("decisions.notice.title")}>
            <Input style={{ width: 260 }} />
          </Form.Item>
          <Form.Item
            name="applicationIds"
            label={t("decisions.notice.applications")}
            rules={[{ required: true }]}
            style={{ minWidth: 420 }}
          >
            <Select
              mode="multiple"
              options={approved.map((c) => ({ value: c.id, label: c.standardName }))}
              data-testid="notice-applications"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={publish.isPending} data-testid="notice-publish">
            {t("decisions.notice.publish")}
          </Button>
        </Form>
      </Card>
      {notices.isError ? <QueryError error={notices.error} onRetry={() => notices.refetch()} /> : null}
      {openObjections.isError ? (
        <QueryError error={openObjections.error} onRetry={() => openObjections.refetch()} />
      ) : null}
      {endingWithin !== undefined ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t("decisions.notice.endingWithin", { days: endingWithin })}
          action={
            <Button size="small" type="link" onClick={showAll} data-testid="notices-show-all">
              {t("decisions.notice.showAll")}
            </Button>
          }
          data-testid="notices-ending-filter"
        />
      ) : null}
      {objectionsFilter ? (
        <Card
          size="small"
          title={t("decisions.objection.openList")}
          extra={
            <Button size="small" type="link" onClick={showAll} data-testid="notices-show-all">
              {t("decisions.notice.showAll")}
            </Button>
          }
          data-testid="objections-open"
        >
          <ObjectionTable
            objections={openObjections.data?.items ?? []}
            loading={openObjections.isFetching}
            noticeTitle={noticeTitle}
            onStep={setStep}
          />
        </Card>
      ) : null}
      {(objectionsFilter ? [] : (notices.data ?? [])).map((notice) => (
        <Card
          key={notice.id}
          size="small"
          className="notice-card"
          style={{ marginBottom: 16 }}
          data-testid={`notice-${notice.id}`}
          title={
            <Flex gap={8} align="center" wrap>
              <span>{notice.title}</span>
              <Tag color={notice.over ? "default" : "processing"}>
                {notice.startOn} — {notice.endOn} ·{" "}
                {t(notice.over ? "decisions.notice.over" : "decisions.notice.running")}
              </Tag>
            </Flex>
          }
          extra={
            notice.over ? null : (
              <Button size="small" onClick={() => setObjectionFor(notice)} data-testid={`objection-add-${notice.id}`}>
                {t("decisions.objection.add")}
              </Button>
            )
          }
        >
          <Typography.Paragraph>
            {notice.applications.map((a) => `${a.standardName}（${a.unitName}）`).join("；")}
          </Typography.Paragraph>
          {notice.objections.length > 0 ? <ObjectionTable objections={notice.objections} onStep={setStep} /> : null}
        </Card>
      ))}
      <ObjectionModal
        notice={objectionFor}
        onClose={() => setObjectionFor(null)}
        onDone={() => {
          setObjectionFor(null);
          refresh();
        }}
      />
      <TextModal
        open={step !== null}
        title={t(step?.action === "investigate" ? "decisions.objection.investigate" : "decisions.objection.resolve")}
        label={t(step?.action === "investigate" ? "decisions.objection.notes" : "decisions.objection.resolution")}
        requiredMessage={t("decision.reasonRequired")}
        loading={move.isPending}
        testId="objection-step"
        onCancel={() => setStep(null)}
        onSubmit={(text) => step && move.mutate({ ...step, text })}
      />
    </>
  );
}

/** The objections of a 公示 (or the open ones of every 公示), each with the step it may take next. */
function ObjectionTable({
  objections,
  loading,
  noticeTitle,
  onStep,
}: {
  objections: Objection[];
  loading?: boolean;
  /** With the 公示 each belongs to (the list across 公示). */
  noticeTitle?: (noticeId: string) => string;
  onStep: (step: Step) => void;
}) {
  const { t } = useI18n();
  return (
    <Table<Objection>
      rowKey="id"
      size="small"
      loading={loading}
      pagination={false}
      dataSource={objections}
      columns={[
        {
          title: t("decisions.objection.application"),
          key: "application",
          width: 240,
          render: (_, o) => (
            <>
              <div>{o.applicationName}</div>
              {noticeTitle ? <Typography.Text type="secondary">{noticeTitle(o.noticeId)}</Typography.Text> : null}
            </>
          ),
        },
        {
          title: t("decisions.objection.kind"),
          key: "who",
          width: 200,
          render: (_, o) => (
            <>
              {o.channel === "online" ? (
                <Tag color="blue" data-testid={`objection-online-${o.id}`}>
                  {t("objection.online")}
                </Tag>
              ) : null}
              {o.unitName ? `${o.unitName} · ` : ""}
              {o.realName}（{o.contact}）
              {o.sealFileId ? (
                <Typography.Link href={decisionApi.sealUrl(o.id)}> {t("decisions.objection.seal")}</Typography.Link>
              ) : null}
            </>
          ),
        },
        {
          title: t("decisions.objection.facts"),
          key: "facts",
          render: (_, o) => (
            <>
              <div>{o.content}</div>
              <Typography.Text type="secondary">{o.facts}</Typography.Text>
            </>
          ),
        },
        {
          title: t("decisions.objection.status"),
          key: "status",
          width: 220,
          render: (_, o) => (
            <>
              <Tag>{t(`decisions.objection.status.${o.status}` as MessageKey)}</Tag>
              <div>{o.resolution ?? o.investigationNotes ?? ""}</div>
            </>
          ),
        },
        {
          title: t("table.actions"),
          key: "actions",
          width: 230,
          render: (_, o) => (
            <Flex gap={4} wrap>
              {o.status === "received" || o.status === "investigating" ? (
                <Button size="small" onClick={() => onStep({ objection: o, action: "investigate" })}>
                  {t("decisions.objection.investigate")}
                </Button>
              ) : null}
              {o.status === "investigating"
                ? (["dismissed", "upheld"] as const).map((action) => (
                    <Button
                      key={action}
                      size="small"
                      danger={action === "upheld"}
                      onClick={() => onStep({ objection: o, action })}
                      data-testid={`objection-${action}-${o.id}`}
                    >
                      {t(action === "upheld" ? "decisions.objection.uphold" : "decisions.objection.dismiss")}
                    </Button>
                  ))
                : null}
            </Flex>
          ),
        },
      ]}
    />
  );
}
