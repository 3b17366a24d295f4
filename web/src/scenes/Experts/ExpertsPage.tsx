import { DownloadOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Flex, Input, Select, Table, Tag, Tooltip, Upload } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { referenceApi } from "../../api/endpoints";
import { type Expert, type ExpertStatus, expertsApi, type ImportReport } from "../../api/review";
import { hasAbility, useSession } from "../../api/session";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { divisionLabel, titleLabel } from "../../components/reference-labels";
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
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const field = params.get("field") ?? undefined;
  const status = (expertStatuses as string[]).includes(params.get("status") ?? "")
    ? (params.get("status") as ExpertStatus)
    : undefined;
  const page = Number(params.get("page") ?? 1) || 1;
  const pageSize = Number(params.get("pageSize") ?? 20) || 20;
  const [report, setReport] = useState<ImportReport | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [form, setForm] = useState<{ expert: Expert | null } | null>(null);
  const canManage = hasAbility(me, "expert.manage");
  const fieldLabel = useFieldLabel();

  const list = useQuery({
    queryKey: ["experts", { q, field, status, page, pageSize }],
    queryFn: () => expertsApi.list({ q: q || undefined, field, status, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const bundle = useQuery({ queryKey: ["reference", "bundle"], queryFn: referenceApi.bundle, staleTime: 3_600_000 });

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

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
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            defaultValue={q}
            placeholder={t("experts.searchPlaceholder")}
            style={{ width: 280 }}
            onSearch={(value) => update({ q: value.trim() || undefined, page: undefined })}
            data-testid="experts-search"
          />
          <Select
            allowClear
            value={field}
            placeholder={t("expertPool.fieldFilter")}
            style={{ width: 220 }}
            loading={bundle.isPending}
            showSearch={{ optionFilterProp: "label" }}
            options={(bundle.data?.fields ?? []).map((f) => ({ value: f.nameZh, label: pick(f.nameZh, f.nameEn) }))}
            onChange={(value?: string) => update({ field: value, page: undefined })}
            data-testid="experts-field"
          />
          <Select
            allowClear
            value={status}
            placeholder={t("expertPool.statusFilter")}
            style={{ width: 140 }}
            options={expertStatuses.map((s) => ({ value: s, label: t(`expert.status.${s}`) }))}
            onChange={(value?: ExpertStatus) => update({ status: value, page: undefined })}
            data-testid="experts-status"
          />
        </Flex>
        {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
        <Table<Expert>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items}
          scroll={{ x: 1100 }}
          onRow={(expert) => ({ onClick: () => setOpenId(expert.id), style: { cursor: "pointer" } })}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t("table.total", { n: number(total) }),
            onChange: (nextPage, nextSize) => update({ page: String(nextPage), pageSize: String(nextSize) }),
          }}
          columns={[
            { title: t("expert.name"), dataIndex: "name", width: 90, fixed: "left" },
            {
              title: t("expert.title"),
              dataIndex: "title",
              width: 110,
              render: (v: string) => titleLabel(v, language),
            },
            {
              title: t("expert.unit"),
              dataIndex: "unitName",
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
