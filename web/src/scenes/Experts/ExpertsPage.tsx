import { DownloadOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Flex, Table, Tag, Tooltip, Upload } from "antd";
import { useState } from "react";
import { referenceApi } from "../../api/endpoints";
import { type Expert, type ExpertStatus, expertsApi, type ImportReport } from "../../api/review";
import { hasAbility, useSession } from "../../api/session";
import { ListToolbar } from "../../components/list/ListToolbar";
import { exportHref, fetchListPage } from "../../components/list/list-api";
import { PrintView } from "../../components/list/PrintView";
import { useListParams } from "../../components/list/useListParams";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { divisionLabel, titleLabel, titleOptions } from "../../components/reference-labels";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";
import { ExpertDrawer } from "./ExpertDrawer";
import { ExpertFormModal } from "./ExpertFormModal";
import { ExpertStatusTag, expertStatuses } from "./ExpertStatusTag";
import { useFieldLabel } from "./use-field-label";

/**
 * 专家库: the pool as the server presents it (phone and ID number masked), filtered by name or unit, field and
 * status (kept in the URL); officers add and edit experts, import them from Excel (all or nothing, with a
 * row-by-row report) from the downloadable template, and open an expert's history of draws and reviews.
 */
export function ExpertsPage() {
  const me = useSession();
  const { t, language, number, pick } = useI18n();
  const feedback = useFeedback();
  const queryClient = useQueryClient();
  const list = useListParams({ filters: ["field", "title", "status"] });
  const [report, setReport] = useState<ImportReport | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [form, setForm] = useState<{ expert: Expert | null } | null>(null);
  const canManage = hasAbility(me, "expert.manage");
  const fieldLabel = useFieldLabel();

  const page = useQuery({
    queryKey: ["experts", list.listQuery],
    queryFn: () => fetchListPage("/api/experts", list.listQuery),
    placeholderData: keepPreviousData,
  });
  const bundle = useQuery({ queryKey: ["reference", "bundle"], queryFn: referenceApi.bundle, staleTime: 3_600_000 });
  const sortable = (key: string) => ({ key, sorter: true, sortOrder: list.sortOrderOf(key) });
  const filters = [
    {
      key: "field",
      placeholder: t("expertPool.fieldFilter"),
      width: 220,
      options: (bundle.data?.fields ?? []).map((f) => ({ value: f.nameZh, label: pick(f.nameZh, f.nameEn) })),
      testId: "experts-field",
    },
    { key: "title", placeholder: t("list.filter.title"), width: 130, options: titleOptions(language) },
    {
      key: "status",
      placeholder: t("expertPool.statusFilter"),
      width: 140,
      options: expertStatuses.map((s) => ({ value: s, label: t(`expert.status.${s}`) })),
      testId: "experts-status",
    },
  ];

  if (list.printing) {
    const words = [
      list.filters.field && fieldLabel(list.filters.field),
      list.filters.title && titleLabel(list.filters.title, language),
      list.filters.status && t(`expert.status.${list.filters.status as ExpertStatus}`),
      list.q,
    ].filter((word): word is string => Boolean(word));
    return (
      <PrintView<Expert>
        title={t("nav.experts")}
        queryKey={["experts", list.exportQuery]}
        fetchPage={(pageNumber, pageSize) =>
          fetchListPage("/api/experts", { ...list.exportQuery, page: pageNumber, pageSize })
        }
        filters={words}
        rowKey={(expert) => expert.id}
        columns={[
          { title: t("expert.name"), value: (e) => e.name },
          { title: t("expert.title"), value: (e) => titleLabel(e.title, language) },
          { title: t("expert.unit"), value: (e) => e.unitName },
          { title: t("expert.fields"), value: (e) => e.fields.map(fieldLabel).join("、") },
          {
            title: t("expert.division"),
            value: (e) => (e.divisionCode ? divisionLabel(e.divisionCode, language) : ""),
          },
          { title: t("expert.status"), value: (e) => t(`expert.status.${e.status}`) },
        ]}
      />
    );
  }

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
          canManage ? (
            <Flex gap={8} wrap>
              <Tooltip title={t("expertPool.templateHint")}>
                <Button icon={<DownloadOutlined />} href={expertsApi.templateUrl} data-testid="experts-template">
                  {t("expertPool.template")}
                </Button>
              </Tooltip>
              <Upload accept=".xlsx" showUploadList={false} beforeUpload={upload}>
                <Button icon={<UploadOutlined />} data-testid="experts-import">
                  {t("experts.import")}
                </Button>
              </Upload>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setForm({ expert: null })}
                data-testid="expert-add"
              >
                {t("expertPool.add")}
              </Button>
            </Flex>
          ) : null
        }
      />
      {report && report.errors.length > 0 ? (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setReport(null) }}
          style={{ marginBottom: 16 }}
          title={t("experts.importFailed", { n: String(report.errors.length) })}
          data-testid="experts-import-report"
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
                  render: (_, e) => pick(e.messageZh, e.messageEn),
                },
              ]}
            />
          }
        />
      ) : null}
      <Card>
        <ListToolbar
          list={list}
          name="experts"
          searchPlaceholder={t("experts.searchPlaceholder")}
          filters={filters}
          exportHref={exportHref("/api/experts", list.exportQuery)}
        />
        {page.isError ? <QueryError error={page.error} onRetry={() => page.refetch()} /> : null}
        <Table<Expert>
          rowKey="id"
          loading={page.isFetching}
          dataSource={page.data?.items}
          onChange={(pagination, _filters, sorter) => list.onTableChange(pagination, sorter)}
          scroll={{ x: 1100 }}
          onRow={(expert) => ({ onClick: () => setOpenId(expert.id), style: { cursor: "pointer" } })}
          pagination={{
            current: list.page,
            pageSize: list.pageSize,
            total: page.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t("table.total", { n: number(total) }),
          }}
          columns={[
            { title: t("expert.name"), dataIndex: "name", width: 90, fixed: "left", ...sortable("name") },
            {
              title: t("expert.title"),
              dataIndex: "title",
              ...sortable("title"),
              width: 110,
              render: (v: string) => titleLabel(v, language),
            },
            {
              title: t("expert.unit"),
              dataIndex: "unitName",
              ...sortable("unitName"),
              width: 220,
              render: (name: string, expert) =>
                expert.unitId ? (
                  <Tooltip title={t("expertPool.registeredUnit")}>
                    <span>
                      {name} <Tag color="blue">{t("expertPool.registeredUnit")}</Tag>
                    </span>
                  </Tooltip>
                ) : (
                  name
                ),
            },
            {
              title: t("expert.fields"),
              dataIndex: "fields",
              render: (fields: string[]) => fields.map((f) => <Tag key={f}>{fieldLabel(f)}</Tag>),
            },
            {
              title: t("expert.division"),
              dataIndex: "divisionCode",
              width: 110,
              render: (code: string | null) => (code ? divisionLabel(code, language) : "—"),
            },
            { title: t("expert.phone"), dataIndex: "phone", width: 120, render: (v: string | null) => v ?? "—" },
            {
              title: t("expert.status"),
              dataIndex: "status",
              ...sortable("status"),
              width: 90,
              render: (value: ExpertStatus) => <ExpertStatusTag status={value} />,
            },
            {
              title: t("table.actions"),
              key: "actions",
              fixed: "right",
              width: canManage ? 130 : 80,
              render: (_, expert) => (
                <Flex gap={4} onClick={(event) => event.stopPropagation()}>
                  <Button
                    size="small"
                    type="link"
                    onClick={() => setOpenId(expert.id)}
                    data-testid={`expert-view-${expert.id}`}
                  >
                    {t("expertPool.view")}
                  </Button>
                  {expert.abilities.includes("expert.manage") ? (
                    <Button
                      size="small"
                      type="link"
                      onClick={() => setForm({ expert })}
                      data-testid={`expert-edit-${expert.id}`}
                    >
                      {t("expertPool.edit")}
                    </Button>
                  ) : null}
                </Flex>
              ),
            },
          ]}
        />
      </Card>
      <ExpertDrawer expertId={openId} onClose={() => setOpenId(null)} onEdit={(expert) => setForm({ expert })} />
      <ExpertFormModal
        state={form}
        onClose={() => setForm(null)}
        onSaved={(expert, created) => {
          void queryClient.invalidateQueries({ queryKey: ["expert-history", expert.id] });
          if (created) setOpenId(expert.id);
        }}
      />
    </>
  );
}
