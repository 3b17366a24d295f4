import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Form, Input, Modal, Radio, Select, Switch } from "antd";
import { useEffect } from "react";
import { businessRoles } from "../../../../policy/access/separation";
import { roleLabels } from "../../../../policy/roles";
import { accountsApi, publicApi } from "../../api/endpoints";
import type { AccountInput } from "../../api/types";
import { RecommenderPicker } from "../../components/RecommenderPicker";
import { UnitPicker } from "../../components/UnitPicker";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";
import { ExpertOptionPicker } from "./ExpertOptionPicker";

type Values = AccountInput & { affiliation: "none" | "unit" | "recommender" };

/**
 * POST /api/accounts. Roles are requested, not granted: each takes effect once the security administrator approves.
 * An expert account names its expert-pool record (关联专家库人员), which the expert portal finds assignments by.
 * Administrator roles are not offered: they are set up by the installation bootstrap only (三员分立).
 */
export function AccountFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<Values>();
  const affiliation = Form.useWatch("affiliation", form);
  const requested = Form.useWatch("roles", form);
  const wantsExpert = requested?.includes("expert") ?? false;
  const client = useQueryClient();
  const feedback = useFeedback();
  const recommenders = useQuery({ queryKey: ["public-recommenders"], queryFn: publicApi.recommenders, enabled: open });
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const create = useMutation({
    mutationFn: ({ affiliation: kind, ...values }: Values) =>
      accountsApi.create({
        ...values,
        unitId: kind === "unit" ? (values.unitId ?? null) : null,
        recommenderId: kind === "recommender" ? (values.recommenderId ?? null) : null,
        isUnitAdmin: kind === "unit" ? Boolean(values.isUnitAdmin) : false,
        roles: values.roles ?? [],
        expertId: values.roles?.includes("expert") ? (values.expertId ?? null) : null,
      }),
    onSuccess: () => {
      feedback.done(t("accounts.created"));
      void client.invalidateQueries({ queryKey: ["accounts"] });
      void client.invalidateQueries({ queryKey: ["dashboard"] });
      onClose();
    },
    onError: (error) => feedback.fail(error, form),
  });

  return (
    <Modal
      open={open}
      title={t("accounts.create")}
      width={640}
      okText={t("action.save")}
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ affiliation: "none", isUnitAdmin: false, roles: [] }}
        onFinish={(values) => create.mutate(values)}
      >
        <Form.Item
          name="username"
          label={t("account.username")}
          extra={t("account.usernameHint")}
          rules={[{ required: true, message: t("account.usernameRequired") }]}
        >
          <Input autoComplete="off" data-testid="account-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t("account.displayName")}
          rules={[{ required: true, message: t("account.displayNameRequired") }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="initialPassword"
          label={t("account.initialPassword")}
          extra={t("account.initialPasswordHint")}
          rules={[{ required: true, message: t("account.initialPasswordRequired") }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="affiliation" label={t("account.affiliation")}>
          <Radio.Group
            options={[
              { value: "none", label: t("account.affiliationNone") },
              { value: "unit", label: t("account.affiliationUnit") },
              { value: "recommender", label: t("account.affiliationRecommender") },
            ]}
          />
        </Form.Item>
        {affiliation === "unit" ? (
          <>
            <Form.Item
              name="unitId"
              label={t("account.unit")}
              rules={[{ required: true, message: t("account.unitRequired") }]}
            >
              <UnitPicker />
            </Form.Item>
            <Form.Item
              name="isUnitAdmin"
              label={t("account.unitAdmin")}
              valuePropName="checked"
              extra={t("account.unitAdminHint")}
            >
              <Switch />
            </Form.Item>
          </>
        ) : null}
        {affiliation === "recommender" ? (
          <Form.Item
            name="recommenderId"
            label={t("account.recommender")}
            rules={[{ required: true, message: t("account.recommenderRequired") }]}
          >
            <RecommenderPicker recommenders={recommenders.data} loading={recommenders.isPending} />
          </Form.Item>
        ) : null}
        <Form.Item name="roles" label={t("account.rolesRequested")}>
          <Select
            mode="multiple"
            options={businessRoles.map((role) => ({
              value: role,
              label: pick(roleLabels[role].zh, roleLabels[role].en),
            }))}
          />
        </Form.Item>
        {wantsExpert ? (
          <Form.Item
            name="expertId"
            label={t("account.expert")}
            extra={t("account.expertHint")}
            rules={[{ required: true, message: t("account.expertRequired") }]}
          >
            <ExpertOptionPicker
              onPicked={(expert) => {
                if (expert && !form.getFieldValue("displayName")) form.setFieldValue("displayName", expert.name);
              }}
            />
          </Form.Item>
        ) : null}
        <Alert type="info" showIcon title={t("accounts.approvalNote")} />
      </Form>
    </Modal>
  );
}
