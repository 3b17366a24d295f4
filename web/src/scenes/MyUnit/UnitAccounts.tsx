import { UserAddOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Card, Form, Input, Modal, Table, Tag } from "antd";
import { useState } from "react";
import { unitsApi } from "../../api/endpoints";
import type { Account, UnitAccountInput } from "../../api/types";
import { QueryError } from "../../components/QueryError";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";
import { AccountStateTags } from "../Accounts/AccountStateTags";
import { ResetPasswordButton } from "../Accounts/ResetPasswordButton";

/**
 * The unit administrator's colleagues: GET/POST /api/units/:id/accounts (each gets the applicant role), and a
 * password reset where the row allows it (a colleague, not the administrator itself).
 */
export function UnitAccounts({ unitId }: { unitId: string }) {
  const { t, dateTime } = useI18n();
  const [adding, setAdding] = useState(false);
  const accounts = useQuery({ queryKey: ["unit-accounts", unitId], queryFn: () => unitsApi.accounts(unitId) });
  return (
    <Card
      title={t("myUnit.accounts")}
      extra={
        <Button icon={<UserAddOutlined />} onClick={() => setAdding(true)} data-testid="colleague-add">
          {t("myUnit.addColleague")}
        </Button>
      }
    >
      {accounts.isError ? <QueryError error={accounts.error} onRetry={() => accounts.refetch()} /> : null}
      <Table<Account>
        rowKey="id"
        size="small"
        loading={accounts.isFetching}
        dataSource={accounts.data?.items}
        pagination={false}
        columns={[
          { title: t("account.username"), dataIndex: "username" },
          { title: t("account.displayName"), dataIndex: "displayName" },
          {
            title: t("account.unitAdmin"),
            dataIndex: "isUnitAdmin",
            render: (admin: boolean) => (admin ? <Tag color="purple">{t("account.unitAdmin")}</Tag> : null),
          },
          { title: t("account.state"), key: "state", render: (_, account) => <AccountStateTags account={account} /> },
          {
            title: t("account.lastLogin"),
            dataIndex: "lastLoginAt",
            render: (value: string | null) => dateTime(value),
          },
          {
            title: t("table.actions"),
            key: "actions",
            render: (_, account) =>
              account.abilities.includes("account.reset-password") ? (
                <ResetPasswordButton account={account} unitId={unitId} />
              ) : null,
          },
        ]}
      />
      <AddColleagueModal unitId={unitId} open={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}

function AddColleagueModal({ unitId, open, onClose }: { unitId: string; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<UnitAccountInput>();
  const client = useQueryClient();
  const feedback = useFeedback();
  const add = useMutation({
    mutationFn: (values: UnitAccountInput) => unitsApi.addAccount(unitId, values),
    onSuccess: () => {
      feedback.done(t("myUnit.colleagueAdded"));
      form.resetFields();
      void client.invalidateQueries({ queryKey: ["unit-accounts", unitId] });
      onClose();
    },
    onError: (error) => feedback.fail(error, form),
  });
  return (
    <Modal
      open={open}
      title={t("myUnit.addColleague")}
      okText={t("action.save")}
      confirmLoading={add.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(values) => add.mutate(values)}>
        <Form.Item
          name="username"
          label={t("account.username")}
          extra={t("account.usernameHint")}
          rules={[{ required: true, message: t("account.usernameRequired") }]}
        >
          <Input autoComplete="off" />
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
      </Form>
    </Modal>
  );
}
