import { DownloadOutlined, HolderOutlined, UploadOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Card, Col, Empty, List, Row, Select, Space, Tag, Typography, Upload } from "antd";
import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { type ApplicationSummary, applicationsApi, callsApi } from "../../api/recognition";
import { useSession } from "../../api/session";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";
import { ApplicationTable } from "../Applications/ApplicationsPage";

/** The recommender's desk: its sub-tree's queue, the ranked recommendation list within the quota, letter and 汇总表. */
export function WorkbenchPage() {
  const me = useSession();
  const { t, pick, dateTime } = useI18n();
  const feedback = useFeedback();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const calls = useQuery({ queryKey: ["calls"], queryFn: callsApi.list });
  const callId =
    params.get("callId") ?? calls.data?.items.find((c) => c.status === "open")?.id ?? calls.data?.items[0]?.id;
  const recommenderId = me.jurisdiction.recommenderId ?? "";
  const queue = useQuery({
    queryKey: ["applications", "queue", callId],
    queryFn: () => applicationsApi.list({ callId, held: "true", state: "submitted", pageSize: 200 }),
    enabled: Boolean(callId),
  });
  const recommendation = useQuery({
    queryKey: ["applications", "recommendation", callId, recommenderId],
    queryFn: () => callsApi.recommendation(callId!, recommenderId),
    enabled: Boolean(callId && recommenderId),
  });
  const [order, setOrder] = useState<ApplicationSummary[]>([]);
  const [dragged, setDragged] = useState<number | null>(null);
  useEffect(() => setOrder(recommendation.data?.items ?? []), [recommendation.data]);
  const rank = useMutation({
    mutationFn: () =>
      applicationsApi.rank(
        callId!,
        recommenderId,
        order.map((a) => a.id),
      ),
    onSuccess: () => {
      feedback.done(t("workbench.saveOrder"));
      client.invalidateQueries({ queryKey: ["applications"] });
    },
    onError: (error) => feedback.fail(error),
  });
  const move = (from: number, to: number) => {
    if (to < 0 || to >= order.length) return;
    const next = [...order];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    setOrder(next);
  };
  const letterUrl = (format: "docx" | "pdf") => callsApi.letterUrl(callId ?? "", recommenderId, format);
  const summaryUrl = (format: "xlsx" | "pdf") => callsApi.summaryUrl(callId ?? "", recommenderId, format);
  const data = recommendation.data;
  const canRank = Boolean(data?.abilities.includes("application.rank"));

  return (
    <>
      <PageHeader
        title={t("nav.workbench")}
        intro={t("workbench.intro")}
        extra={
          <Select
            style={{ width: 420 }}
            value={callId}
            onChange={(value: string) => setParams({ callId: value })}
            options={(calls.data?.items ?? []).map((c) => ({ value: c.id, label: c.titleZh }))}
            data-testid="workbench-call"
          />
        }
      />
      {queue.isError ? <QueryError error={queue.error} /> : null}
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={t("workbench.queue")} data-testid="workbench-queue">
            <ApplicationTable
              items={queue.data?.items}
              loading={queue.isFetching}
              pick={pick}
              t={t}
              dateTime={dateTime}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card
            title={t("workbench.ranking")}
            extra={<Tag>{data?.quota ? t("workbench.quota", { quota: data.quota }) : t("workbench.noQuota")}</Tag>}
            data-testid="workbench-ranking"
          >
            {order.length === 0 ? (
              <Empty />
            ) : (
              <List
                size="small"
                dataSource={order}
                renderItem={(item, index) => (
                  <List.Item
                    draggable={canRank}
                    onDragStart={() => setDragged(index)}
                    onDragOver={(event) => event.preventDefault()}
                    onDrop={() => {
                      if (dragged !== null) move(dragged, index);
                      setDragged(null);
                    }}
                    data-testid={`ranked-${index}`}
                    actions={
                      canRank
                        ? [
                            <Button key="up" size="small" onClick={() => move(index, index - 1)}>
                              {t("workbench.up")}
                            </Button>,
                            <Button key="down" size="small" onClick={() => move(index, index + 1)}>
                              {t("workbench.down")}
                            </Button>,
                          ]
                        : []
                    }
                  >
                    <Space>
                      {canRank ? <HolderOutlined style={{ cursor: "grab" }} /> : null}
                      <Typography.Text strong>{index + 1}</Typography.Text>
                      <Link to={`/applications/${item.id}`}>{item.standardName}</Link>
                      <Link to={`/applications/${item.id}/read`} data-testid={`ranked-read-${index}`}>
                        {t("read.open")}
                      </Link>
                      <Typography.Text type="secondary">{item.unitName}</Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            )}
            {canRank && order.length > 0 ? (
              <Space direction="vertical" style={{ marginTop: 12, width: "100%" }}>
                <Button type="primary" onClick={() => rank.mutate()} loading={rank.isPending} data-testid="save-order">
                  {t("workbench.saveOrder")}
                </Button>
                <Space wrap>
                  <Button icon={<DownloadOutlined />} href={letterUrl("docx")}>
                    {t("workbench.letterDocx")}
                  </Button>
                  <Button icon={<DownloadOutlined />} href={letterUrl("pdf")}>
                    {t("workbench.letterPdf")}
                  </Button>
                  <Button icon={<DownloadOutlined />} href={summaryUrl("xlsx")}>
                    {t("workbench.summaryXlsx")}
                  </Button>
                  <Button icon={<DownloadOutlined />} href={summaryUrl("pdf")}>
                    {t("workbench.summaryPdf")}
                  </Button>
                </Space>
                <Upload
                  accept=".pdf"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    callsApi
                      .uploadStamped(callId!, recommenderId, file)
                      .then(() => recommendation.refetch())
                      .catch((error) => feedback.fail(error));
                    return false;
                  }}
                >
                  <Button icon={<UploadOutlined />}>{t("workbench.stamped")}</Button>
                </Upload>
                {data?.stampedCopy ? (
                  <Typography.Text type="success">
                    {t("workbench.stampedAt", { name: data.stampedCopy.name })}
                  </Typography.Text>
                ) : null}
              </Space>
            ) : null}
          </Card>
        </Col>
      </Row>
    </>
  );
}
