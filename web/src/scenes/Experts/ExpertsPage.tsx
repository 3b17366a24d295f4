import { UploadOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Input, Table, Tag, Upload } from "antd";
import { useState } from "react";
import { type Expert, expertsApi, type ImportReport } from "../../api/review";
import { hasAbility, useSession } from "../../api/session";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { titleLabel } from "../../components/reference-labels";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";

/** 专家库: the pool as the server presents it (masked phones), with the all-or-nothing Excel import. */
export function ExpertsPage() {
  const me = useSession();
  const { t, language, number } = useI18n();
  const feedback = useFeedback();
  const queryClient = useQueryClient();
  const [q, setQ] = useState("");
  const [page, setPage] = useState({ current: 1, size: 20 });
  const [report, setReport] = useState<ImportReport | null>(null);
  const list = useQuery({
    queryKey: ["experts", { q, ...page }],
    queryFn: () => expertsApi.list({ q: q || undefined, page: page.current, pageSize: page.size }),
    placeholderData: keepPreviousData,
  });
  const upload = async (file: File) => {
    try {
      const result = await expertsApi.import(file);
      setReport(result);
      if (result.imported > 0) feedback.done(t("experts.importDone", { n: String(result.imported) }));
      await queryClient.invalidateQueries({ queryKey: ["experts"] });
    } catch (error) {
      feedback.fail(error);
    }
    return false;
  };

  return (
    <>
      <PageHeader
        title={t("nav.experts")}
        intro={t("experts.intro")}
        extra={
          hasAbility(me, "expert.manage") ? (
            <Upload accept=".xlsx" showUploadList={false} beforeUpload={upload}>
              <Button icon={<UploadOutlined />} data-testid="experts-import">
                {t("experts.import")}
              </Button>
            </Upload>
          ) : null
        }
      />
      {report && report.errors.length > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={t("experts.importFailed", { n: String(report.errors.length) })}
          description={
            <Table
              size="small"
              rowKey={(e) => `${e.row}-${e.column}-${e.messageEn}`}
              pagination={false}
              dataSource={report.errors}
              columns={[
                { title: t("import.row"), dataIndex: "row", width: 60 },
                { title: t("import.column"), dataIndex: "column", width: 120 },
                {
                  title: t("import.message"),
                  key: "message",
                  render: (_, e) => (language === "zh" ? e.messageZh : e.messageEn),
                },
              ]}
            />
          }
        />
      ) : null}
      <Card>
        <Input.Search
          allowClear
          placeholder={t("experts.searchPlaceholder")}
          style={{ width: 320, marginBottom: 16 }}
          onSearch={(value) => {
            setQ(value.trim());
            setPage((p) => ({ ...p, current: 1 }));
          }}
        />
        {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
        <Table<Expert>
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
            { title: t("expert.name"), dataIndex: "name", width: 90 },
            { title: t("expert.title"), dataIndex: "title", width: 90, render: (v: string) => titleLabel(v, language) },
            { title: t("expert.unit"), dataIndex: "unitName", width: 220 },
            {
              title: t("expert.fields"),
              dataIndex: "fields",
              render: (fields: string[]) => fields.map((f) => <Tag key={f}>{f}</Tag>),
            },
            { title: t("expert.division"), dataIndex: "divisionCode", width: 100 },
            { title: t("expert.phone"), dataIndex: "phone", width: 120 },
            {
              title: t("expert.status"),
              dataIndex: "status",
              width: 90,
              render: (status: Expert["status"]) => (
                <Tag color={status === "active" ? "green" : "default"}>{t(`expert.status.${status}`)}</Tag>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
