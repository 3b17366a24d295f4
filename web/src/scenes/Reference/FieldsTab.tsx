import { PlusOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Form, Input, InputNumber, Modal, Switch, Table, Tag } from "antd";
import { useEffect, useState } from "react";
import { referenceApi } from "../../api/endpoints";
import { hasAbility, useSession } from "../../api/session";
import type { Field, FieldInput } from "../../api/types";
import { QueryError } from "../../components/QueryError";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";

export const referenceKey = ["reference"] as const;

/** 领域 (fields): the officer-editable list offered to applications (GET /api/reference → fields). */
export function FieldsTab() {
  const me = useSession();
  const { t } = useI18n();
  const bundle = useQuery({ queryKey: referenceKey, queryFn: referenceApi.bundle });
  const [editing, setEditing] = useState<{ field: Field | null } | null>(null);
  const canManage = hasAbility(me, "reference.manage");
  return (
    <>
      {canManage ? (
        <Button
          icon={<PlusOutlined />}
          style={{ marginBottom: 12 }}
          onClick={() => setEditing({ field: null })}
          data-testid="field-create"
        >
          {t("reference.addField")}
        </Button>
      ) : null}
      {bundle.isError ? <QueryError error={bundle.error} onRetry={() => bundle.refetch()} /> : null}
      <Table<Field>
        rowKey="id"
        size="small"
        loading={bundle.isFetching}
        dataSource={bundle.data?.fields}
        pagination={false}
        columns={[
          { title: t("reference.sortOrder"), dataIndex: "sortOrder", width: 80 },
          { title: t("reference.nameZh"), dataIndex: "nameZh" },
          { title: t("reference.nameEn"), dataIndex: "nameEn" },
          {
            title: t("reference.active"),
            dataIndex: "active",
            width: 100,
            render: (active: boolean) => (
              <Tag color={active ? "green" : "default"}>{active ? t("reference.inUse") : t("reference.retired")}</Tag>
            ),
          },
          ...(canManage
            ? [
                {
                  title: t("table.actions"),
                  key: "actions",
                  width: 90,
                  render: (_: unknown, field: Field) => (
                    <Button size="small" onClick={() => setEditing({ field })}>
                      {t("action.edit")}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FieldModal state={editing} onClose={() => setEditing(null)} />
    </>
  );
}

function FieldModal({ state, onClose }: { state: { field: Field | null } | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<FieldInput>();
  const client = useQueryClient();
  const feedback = useFeedback();
  const editing = state?.field ?? null;
  useEffect(() => {
    if (!state) return;
    form.resetFields();
    form.setFieldsValue(state.field ?? { active: true, sortOrder: 0 });
  }, [state, form]);
  const save = useMutation({
    mutationFn: async (values: FieldInput) => {
      if (editing) await referenceApi.updateField(editing.id, values);
      else await referenceApi.createField(values);
    },
    onSuccess: () => {
      feedback.done(t("common.saved"));
      void client.invalidateQueries({ queryKey: referenceKey });
      onClose();
    },
    onError: (error) => feedback.fail(error, form),
  });
  return (
    <Modal
      open={state !== null}
      title={editing ? t("reference.editField") : t("reference.addField")}
      okText={t("action.save")}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
        <Form.Item
          name="nameZh"
          label={t("reference.nameZh")}
          rules={[{ required: true, message: t("reference.nameZhRequired") }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="nameEn"
          label={t("reference.nameEn")}
          rules={[{ required: true, message: t("reference.nameEnRequired") }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t("reference.sortOrder")}>
          <InputNumber precision={0} />
        </Form.Item>
        <Form.Item name="active" label={t("reference.active")} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
