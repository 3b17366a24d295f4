import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tabs, Upload } from "antd";
import { useState } from "react";
import { type BaseState, baseLifecycle } from "../../../../policy/lifecycles/base.transitions";
import { baseOriginOf } from "../../../../policy/reference/base-origins";
import { nationalPlatformKinds } from "../../../../policy/reference/evidence-kinds";
import { unitsApi } from "../../api/endpoints";
import { isApiError } from "../../api/errors";
import { type NationalPlatform, registryApi } from "../../api/recognition";
import { hasAbility, useSession } from "../../api/session";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";
import { NationalRevocationButton } from "./NationalRevocationButton";

type Kind = "credit-records" | "national-platforms" | "revocations";

/** The registry's facts (5a) the eligibility rules read: officers record and import them; recommenders see theirs. */
export function RegistryFactsPage() {
  const me = useSession();
  const { t, pick, language, date } = useI18n();
  const feedback = useFeedback();
  const client = useQueryClient();
  const manage = hasAbility(me, "registry-fact.manage");
  const facts = useQuery({ queryKey: ["registry-facts"], queryFn: () => registryApi.facts() });
  const units = useQuery({
    queryKey: ["units", "all"],
    queryFn: () => unitsApi.list({ page: 1, pageSize: 200 }),
    enabled: manage,
  });
  const [adding, setAdding] = useState<Kind | null>(null);
  const [importErrors, setImportErrors] = useState<string[]>([]);
  const [form] = Form.useForm();
  const refresh = () => client.invalidateQueries({ queryKey: ["registry-facts"] });
  const add = useMutation({
    mutationFn: (values: Record<string, string>) =>
      adding === "credit-records"
        ? registryApi.addCredit({
            subjectKind: "unit",
            unitId: values.unitId ?? null,
            kind: values.kind as "bad-credit",
            recordedOn: values.date ?? "",
            source: values.source ?? "",
          })
        : adding === "national-platforms"
          ? registryApi.addPlatform({
              unitId: values.unitId ?? "",
              kind: values.kind as "bri-joint-laboratory",
              name: values.name ?? "",
            })
          : registryApi.addRevocation({
              unitId: values.unitId ?? "",
              baseName: values.name ?? "",
              ground: (values.ground ?? "1") as "1",
              revokedOn: values.date ?? "",
            }),
    onSuccess: () => {
      setAdding(null);
      refresh();
    },
    onError: (error) => feedback.fail(error, form),
  });
  const remove = useMutation({
    mutationFn: ({ kind, id }: { kind: Kind; id: string }) => registryApi.remove(kind, id),
    onSuccess: refresh,
    onError: (error) => feedback.fail(error),
  });
  const unitOptions = (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
  const del = (kind: Kind) =>
    manage
      ? [
          {
            title: t("table.actions"),
            render: (_: unknown, row: { id: string }) => (
              <Popconfirm
                title={t("facts.delete")}
                description={<div style={{ maxWidth: 320 }}>{t("consequence.deleteFact")}</div>}
                okButtonProps={{ danger: true, "data-testid": "fact-delete-confirm" }}
                onConfirm={() => remove.mutate({ kind, id: row.id })}
              >
                <Button size="small" danger data-testid={`fact-delete-${row.id}`}>
                  {t("facts.delete")}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : [];
  const addButton = (kind: Kind) =>
    manage ? (
      <Button
        onClick={() => {
          form.resetFields();
          setAdding(kind);
        }}
        data-testid={`add-${kind}`}
      >
        {t("facts.add")}
      </Button>
    ) : null;

  return (
    <>
      <PageHeader title={t("nav.registryFacts")} intro={t("facts.intro")} />
      {facts.isError ? <QueryError error={facts.error} onRetry={() => facts.refetch()} /> : null}
      <Card>
        <Tabs
          items={[
            {
              key: "bases",
              label: t("facts.bases"),
              children: (
                <>
                  {manage ? (
                    <Space style={{ marginBottom: 12 }}>
                      <Upload
                        accept=".xlsx"
                        showUploadList={false}
                        beforeUpload={(file) => {
                          registryApi
                            .importBases(file)
                            .then((report) => {
                              setImportErrors([]);
                              feedback.done(
                                t("facts.imported.all", {
                                  n: report.imported,
                                  revocations: report.revocations ?? 0,
                                  members: report.allianceMembers ?? 0,
                                }),
                              );
                              refresh();
                            })
                            .catch((error) => {
                              if (isApiError(error))
                                setImportErrors(
                                  error.fieldErrors.map((e) => (language === "zh" ? e.messageZh : e.messageEn)),
                                );
                              feedback.fail(error);
                            });
                          return false;
                        }}
                      >
                        <Button type="primary" icon={<UploadOutlined />} data-testid="import-bases">
                          {t("facts.import")}
                        </Button>
                      </Upload>
                      <Button icon={<DownloadOutlined />} href={registryApi.templateUrl}>
                        {t("facts.template")}
                      </Button>
                    </Space>
                  ) : null}
                  {importErrors.length > 0 ? (
                    <Alert
                      type="error"
                      showIcon
                      style={{ marginBottom: 12 }}
                      message={t("facts.importFailed", { n: importErrors.length })}
                      description={
                        <ul>
                          {importErrors.map((e) => (
                            <li key={e}>{e}</li>
                          ))}
                        </ul>
                      }
                    />
                  ) : null}
                  <Table
                    rowKey="id"
                    size="small"
                    loading={facts.isFetching}
                    dataSource={facts.data?.bases}
                    columns={[
                      { title: t("facts.name"), dataIndex: "standardName" },
                      { title: t("facts.unit"), dataIndex: "unitName" },
                      {
                        title: t("facts.date"),
                        dataIndex: "recognizedOn",
                        render: (value?: string | null) => (value ? date(value) : "—"),
                      },
                      { title: t("facts.documentNumber"), dataIndex: "documentNumber" },
                      {
                        title: t("facts.origin"),
                        dataIndex: "origin",
                        render: (origin: string) => {
                          const found = baseOriginOf(origin);
                          return pick(found.nameZh, found.nameEn);
                        },
                      },
                      {
                        title: t("facts.status"),
                        dataIndex: "status",
                        render: (status: string) => {
                          const label = baseLifecycle.stateLabels[status as BaseState];
                          return label ? pick(label.zh, label.en) : "—";
                        },
                      },
                    ]}
                  />
                </>
              ),
            },
            {
              key: "credit",
              label: t("facts.credit"),
              children: (
                <>
                  {addButton("credit-records")}
                  <Table
                    rowKey="id"
                    size="small"
                    dataSource={facts.data?.creditRecords}
                    columns={[
                      { title: t("facts.unit"), dataIndex: "subjectName" },
                      {
                        title: t("facts.kind"),
                        render: (_, r) =>
                          r.kind === "bad-credit"
                            ? pick("不良信用", "Bad credit")
                            : pick("科研失信", "Research misconduct"),
                      },
                      {
                        title: t("facts.date"),
                        dataIndex: "recordedOn",
                        render: (value?: string | null) => (value ? date(value) : "—"),
                      },
                      { title: t("facts.source"), dataIndex: "source" },
                      ...del("credit-records"),
                    ]}
                  />
                </>
              ),
            },
            {
              key: "platforms",
              label: t("facts.platforms"),
              children: (
                <>
                  {addButton("national-platforms")}
                  <Table
                    rowKey="id"
                    size="small"
                    dataSource={facts.data?.nationalPlatforms}
                    columns={[
                      { title: t("facts.unit"), dataIndex: "unitName" },
                      { title: t("facts.name"), dataIndex: "name" },
                      {
                        title: t("facts.kind"),
                        dataIndex: "kind",
                        render: (kind: string) => {
                          const found = nationalPlatformKinds.find((entry) => entry.code === kind);
                          return found ? pick(found.nameZh, found.nameEn) : "—";
                        },
                      },
                      {
                        title: t("national.revokedOn"),
                        render: (_: unknown, row: NationalPlatform) =>
                          row.revokedOn ? (
                            date(row.revokedOn)
                          ) : manage ? (
                            <NationalRevocationButton platformId={row.id} />
                          ) : (
                            "—"
                          ),
                      },
                      ...del("national-platforms"),
                    ]}
                  />
                </>
              ),
            },
            {
              key: "revocations",
              label: t("facts.revocations"),
              children: (
                <>
                  {addButton("revocations")}
                  <Table
                    rowKey="id"
                    size="small"
                    dataSource={facts.data?.revocations}
                    columns={[
                      { title: t("facts.unit"), dataIndex: "unitName" },
                      { title: t("facts.name"), dataIndex: "baseName" },
                      { title: t("facts.ground"), dataIndex: "ground" },
                      {
                        title: t("facts.date"),
                        dataIndex: "revokedOn",
                        render: (value?: string | null) => (value ? date(value) : "—"),
                      },
                      {
                        title: t("facts.banEnds"),
                        dataIndex: "banEndsOn",
                        render: (value?: string | null) => (value ? date(value) : "—"),
                      },
                      ...del("revocations"),
                    ]}
                  />
                </>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        open={adding !== null}
        title={t("facts.add")}
        onCancel={() => setAdding(null)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: add.isPending }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(values) => add.mutate(values)}>
          <Form.Item name="unitId" label={t("facts.unit")} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={unitOptions} />
          </Form.Item>
          {adding === "credit-records" ? (
            <Form.Item name="kind" label={t("facts.kind")} rules={[{ required: true }]}>
              <Select
                options={[
                  { value: "bad-credit", label: pick("不良信用", "Bad credit") },
                  { value: "research-misconduct", label: pick("科研失信", "Research misconduct") },
                ]}
              />
            </Form.Item>
          ) : null}
          {adding === "national-platforms" ? (
            <Form.Item name="kind" label={t("facts.kind")} rules={[{ required: true }]}>
              <Select
                options={[
                  { value: "bri-joint-laboratory", label: pick("国家级“一带一路”联合实验室", "B&R joint laboratory") },
                  {
                    value: "most-international-base",
                    label: pick("科技部国际科技合作基地", "MOST international base"),
                  },
                ]}
              />
            </Form.Item>
          ) : null}
          {adding !== "credit-records" ? (
            <Form.Item name="name" label={t("facts.name")} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
          ) : null}
          {adding === "revocations" ? (
            <Form.Item name="ground" label={t("facts.ground")} rules={[{ required: true }]}>
              <Select options={["1", "2", "3", "4", "5", "6", "7", "8", "9"].map((g) => ({ value: g, label: g }))} />
            </Form.Item>
          ) : null}
          {adding !== "national-platforms" ? (
            <Form.Item name="date" label={t("facts.date")} rules={[{ required: true }]}>
              <Input placeholder="YYYY-MM-DD" />
            </Form.Item>
          ) : null}
          {adding === "credit-records" ? (
            <Form.Item name="source" label={t("facts.source")}>
              <Input />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </>
  );
}
