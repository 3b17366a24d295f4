import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Card, Empty, Form, Input, Modal, Select, Table, Tag } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { allianceKinds } from "../../../../policy/reference/alliance-kinds";
import { type AllianceSummary, alliancesApi } from "../../api/alliances";
import { hasAbility, useSession } from "../../api/session";
import { DateInput } from "../../components/DateInput";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";
import { BaseSelect } from "./BaseSelect";

/** 基地联盟 (Art. 27): every alliance; the department records a new one with its lead base. */
export function AlliancesPage() {
  const me = useSession();
  const { t, pick, date, number } = useI18n();
  const feedback = useFeedback();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const manage = hasAbility(me, "alliance.manage");
  const list = useQuery({ queryKey: ["alliances"], queryFn: alliancesApi.list });
  const create = useMutation({
    mutationFn: (values: Record<string, string>) =>
      alliancesApi.create({
        name: values.name ?? "",
        kind: values.kind as "regional",
        leadBaseId: values.leadBaseId ?? "",
        foundedOn: values.foundedOn ?? "",
        description: values.description ?? "",
      }),
    onSuccess: (created) => {
      setCreating(false);
      client.invalidateQueries({ queryKey: ["alliances"] });
      navigate(`/alliances/${created.id}`);
    },
    onError: (error) => feedback.fail(error, form),
  });
  return (
    <>
      <PageHeader
        title={t("nav.alliances")}
        intro={t("alliances.intro")}
        extra={
          manage ? (
            <Button type="primary" data-testid="alliance-new" onClick={() => setCreating(true)}>
              {t("alliances.new")}
            </Button>
          ) : null
        }
      />
      {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
      <Card>
        <Table<AllianceSummary>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items}
          data-testid="alliances-table"
          locale={{ emptyText: <Empty description={t("alliances.empty")} /> }}
          columns={[
            {
              title: t("alliances.name"),
              render: (_, row) => (
                <Link to={`/alliances/${row.id}`} data-testid={`alliance-link-${row.id}`}>
                  {row.name}
                </Link>
              ),
            },
            { title: t("alliances.kind"), render: (_, row) => pick(row.kindZh, row.kindEn) },
            { title: t("alliances.lead"), dataIndex: "leadBaseName" },
            { title: t("alliances.foundedOn"), render: (_, row) => date(row.foundedOn) },
            { title: t("alliances.memberCount"), render: (_, row) => number(row.memberCount) },
            {
              title: t("alliances.status"),
              render: (_, row) =>
                row.dissolvedOn ? (
                  <Tag>{`${t("alliances.dissolved")} ${date(row.dissolvedOn)}`}</Tag>
                ) : (
                  <Tag color="green">{t("alliances.active")}</Tag>
                ),
            },
          ]}
        />
      </Card>
      <Modal
        open={creating}
        title={t("alliances.new")}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: create.isPending, "data-testid": "alliance-create-submit" }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(values) => create.mutate(values)} data-testid="alliance-form">
          <Form.Item name="name" label={t("alliances.name")} rules={[{ required: true }]}>
            <Input data-testid="alliance-name" />
          </Form.Item>
          <Form.Item name="kind" label={t("alliances.kind")} rules={[{ required: true }]}>
            <Select
              data-testid="alliance-kind"
              options={allianceKinds.map((kind) => ({ value: kind.code, label: pick(kind.nameZh, kind.nameEn) }))}
            />
          </Form.Item>
          <Form.Item name="leadBaseId" label={t("alliances.lead")} rules={[{ required: true }]}>
            <BaseSelect testId="alliance-lead" />
          </Form.Item>
          <Form.Item name="foundedOn" label={t("alliances.foundedOn")} rules={[{ required: true }]}>
            <DateInput testId="alliance-founded-on" />
          </Form.Item>
          <Form.Item name="description" label={t("alliances.description")}>
            <Input.TextArea rows={3} data-testid="alliance-description" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
