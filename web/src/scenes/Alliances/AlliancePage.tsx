import { UploadOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Upload,
} from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { allianceKinds } from "../../../../policy/reference/alliance-kinds";
import { type AllianceDetail, type AllianceMember, alliancesApi } from "../../api/alliances";
import { DateInput } from "../../components/DateInput";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";
import { BaseSelect } from "./BaseSelect";

type Dialog =
  | { kind: "edit" }
  | { kind: "add-member" }
  | { kind: "end-membership"; member: AllianceMember }
  | { kind: "record-activity" }
  | { kind: "dissolve" };

/**
 * One alliance (Art. 27): its facts, charter, members with their dates and activities; the department's forms
 * appear only for the actions the server offers (`availableActions`).
 */
export function AlliancePage() {
  const { id = "" } = useParams();
  const { t, pick, date } = useI18n();
  const feedback = useFeedback();
  const client = useQueryClient();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [form] = Form.useForm();
  const query = useQuery({ queryKey: ["alliances", id], queryFn: () => alliancesApi.get(id) });
  const alliance = query.data;
  const offers = (action: AllianceDetail["availableActions"][number]) =>
    alliance?.availableActions.includes(action) ?? false;
  const updated = (next: AllianceDetail) => {
    client.setQueryData(["alliances", id], next);
    client.invalidateQueries({ queryKey: ["alliances"], exact: true });
    client.invalidateQueries({ queryKey: ["bases"] });
    setDialog(null);
    feedback.done(t("alliances.saved"));
  };
  const save = useMutation({
    mutationFn: (values: Record<string, string>) => {
      if (!alliance || !dialog) throw new Error("no dialog");
      switch (dialog.kind) {
        case "edit":
          return alliancesApi.update(id, {
            name: values.name ?? "",
            kind: values.kind as "regional",
            leadBaseId: values.leadBaseId ?? "",
            description: values.description ?? "",
            expectedVersion: alliance.version,
          });
        case "add-member":
          return alliancesApi.addMember(id, values.baseId ?? "", values.joinedOn ?? "");
        case "end-membership":
          return alliancesApi.endMembership(id, dialog.member.id, values.leftOn ?? "");
        case "record-activity":
          return alliancesApi.recordActivity(id, {
            heldOn: values.heldOn ?? "",
            title: values.title ?? "",
            summary: values.summary ?? "",
          });
        case "dissolve":
          return alliancesApi.dissolve(id, values.dissolvedOn ?? "");
      }
    },
    onSuccess: updated,
    onError: (error) => feedback.fail(error, form),
  });
  const upload = useMutation({
    mutationFn: (file: File) => alliancesApi.uploadCharter(id, file),
    onSuccess: updated,
    onError: (error) => feedback.fail(error),
  });
  const open = (next: Dialog) => {
    form.resetFields();
    if (next.kind === "edit" && alliance) {
      form.setFieldsValue({
        name: alliance.name,
        kind: alliance.kind,
        leadBaseId: alliance.leadBaseId,
        description: alliance.description,
      });
    }
    setDialog(next);
  };
  const currentMembers = (alliance?.members ?? []).filter((member) => member.current);
  const titles: Record<Dialog["kind"], string> = {
    edit: t("alliances.edit"),
    "add-member": t("alliances.addMember"),
    "end-membership": t("alliances.endMembership"),
    "record-activity": t("alliances.recordActivity"),
    dissolve: t("alliances.dissolve"),
  };
  return (
    <>
      <PageHeader
        title={alliance?.name ?? t("nav.alliances")}
        extra={
          <Link to="/alliances">
            <Button data-testid="alliance-back">{t("alliances.back")}</Button>
          </Link>
        }
      />
      {query.isError ? <QueryError error={query.error} onRetry={() => query.refetch()} /> : null}
      {query.isLoading ? <Card loading /> : null}
      {alliance ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Card
              title={t("alliances.facts")}
              extra={
                <Space wrap>
                  {offers("edit") ? (
                    <Button data-testid="alliance-edit" onClick={() => open({ kind: "edit" })}>
                      {t("alliances.edit")}
                    </Button>
                  ) : null}
                  {offers("dissolve") ? (
                    <Button danger data-testid="alliance-dissolve" onClick={() => open({ kind: "dissolve" })}>
                      {t("alliances.dissolve")}
                    </Button>
                  ) : null}
                </Space>
              }
            >
              <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="alliance-facts">
                <Descriptions.Item label={t("alliances.kind")}>
                  {pick(alliance.kindZh, alliance.kindEn)}
                </Descriptions.Item>
                <Descriptions.Item label={t("alliances.lead")}>
                  <Link to={`/bases/${alliance.leadBaseId}`}>{alliance.leadBaseName}</Link>
                </Descriptions.Item>
                <Descriptions.Item label={t("alliances.foundedOn")}>{date(alliance.foundedOn)}</Descriptions.Item>
                <Descriptions.Item label={t("alliances.status")}>
                  {alliance.dissolvedOn ? (
                    <Tag>{`${t("alliances.dissolved")} ${date(alliance.dissolvedOn)}`}</Tag>
                  ) : (
                    <Tag color="green">{t("alliances.active")}</Tag>
                  )}
                </Descriptions.Item>
                <Descriptions.Item label={t("alliances.charter")} span={2}>
                  <Space wrap>
                    {alliance.charter ? (
                      <a href={alliancesApi.charterUrl(alliance.id)} data-testid="alliance-charter-download">
                        {alliance.charter.name}
                      </a>
                    ) : (
                      t("alliances.charterNone")
                    )}
                    {offers("upload-charter") ? (
                      <Upload
                        showUploadList={false}
                        accept=".pdf,.docx"
                        beforeUpload={(file) => {
                          upload.mutate(file);
                          return false;
                        }}
                      >
                        <Button
                          size="small"
                          icon={<UploadOutlined />}
                          loading={upload.isPending}
                          data-testid="alliance-charter-upload"
                        >
                          {t("alliances.uploadCharter")}
                        </Button>
                      </Upload>
                    ) : null}
                  </Space>
                </Descriptions.Item>
                <Descriptions.Item label={t("alliances.description")} span={2}>
                  {alliance.description}
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <Card
              title={t("alliances.members")}
              style={{ marginTop: 16 }}
              extra={
                offers("add-member") ? (
                  <Button data-testid="alliance-add-member" onClick={() => open({ kind: "add-member" })}>
                    {t("alliances.addMember")}
                  </Button>
                ) : null
              }
            >
              <Table<AllianceMember>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={alliance.members}
                data-testid="alliance-members"
                columns={[
                  {
                    title: t("alliances.member.base"),
                    render: (_, member) => (
                      <Space wrap>
                        <Link to={`/bases/${member.baseId}`}>{member.baseName}</Link>
                        {member.isLead ? <Tag color="gold">{t("alliances.member.leadTag")}</Tag> : null}
                      </Space>
                    ),
                  },
                  { title: t("alliances.member.unit"), dataIndex: "unitName" },
                  { title: t("alliances.member.joinedOn"), render: (_, member) => date(member.joinedOn) },
                  {
                    title: t("alliances.member.leftOn"),
                    render: (_, member) => (member.leftOn ? date(member.leftOn) : "—"),
                  },
                  {
                    title: t("alliances.status"),
                    render: (_, member) =>
                      member.current ? (
                        <Tag color="green">{t("alliances.member.current")}</Tag>
                      ) : (
                        <Tag>{t("alliances.member.past")}</Tag>
                      ),
                  },
                  ...(offers("end-membership")
                    ? [
                        {
                          title: t("table.actions"),
                          render: (_: unknown, member: AllianceMember) =>
                            member.leftOn === null ? (
                              <Button
                                size="small"
                                data-testid={`alliance-end-${member.id}`}
                                onClick={() => open({ kind: "end-membership", member })}
                              >
                                {t("alliances.endMembership")}
                              </Button>
                            ) : null,
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <Card
              title={t("alliances.activities")}
              extra={
                offers("record-activity") ? (
                  <Button
                    size="small"
                    data-testid="alliance-record-activity"
                    onClick={() => open({ kind: "record-activity" })}
                  >
                    {t("alliances.recordActivity")}
                  </Button>
                ) : null
              }
            >
              <List
                size="small"
                dataSource={alliance.activities}
                data-testid="alliance-activities"
                locale={{
                  emptyText: (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("alliances.activitiesEmpty")} />
                  ),
                }}
                renderItem={(activity) => (
                  <List.Item key={activity.id}>
                    <List.Item.Meta
                      title={`${date(activity.heldOn)} ${activity.title}`}
                      description={activity.summary}
                    />
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        </Row>
      ) : null}
      <Modal
        open={dialog !== null}
        title={dialog ? titles[dialog.kind] : ""}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: save.isPending, "data-testid": "alliance-dialog-submit" }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)} data-testid="alliance-dialog">
          {dialog?.kind === "edit" ? (
            <>
              <Form.Item name="name" label={t("alliances.name")} rules={[{ required: true }]}>
                <Input data-testid="alliance-name" />
              </Form.Item>
              <Form.Item name="kind" label={t("alliances.kind")} rules={[{ required: true }]}>
                <Select
                  options={allianceKinds.map((kind) => ({ value: kind.code, label: pick(kind.nameZh, kind.nameEn) }))}
                />
              </Form.Item>
              <Form.Item name="leadBaseId" label={t("alliances.lead")} rules={[{ required: true }]}>
                <BaseSelect
                  testId="alliance-lead"
                  only={currentMembers.map((member) => ({ id: member.baseId, name: member.baseName }))}
                />
              </Form.Item>
              <Form.Item name="description" label={t("alliances.description")}>
                <Input.TextArea rows={3} />
              </Form.Item>
            </>
          ) : null}
          {dialog?.kind === "add-member" ? (
            <>
              <Form.Item name="baseId" label={t("alliances.member.base")} rules={[{ required: true }]}>
                <BaseSelect testId="alliance-member-base" />
              </Form.Item>
              <Form.Item name="joinedOn" label={t("alliances.member.joinedOn")} rules={[{ required: true }]}>
                <DateInput testId="alliance-member-joined-on" />
              </Form.Item>
            </>
          ) : null}
          {dialog?.kind === "end-membership" ? (
            <Form.Item name="leftOn" label={t("alliances.member.leftOn")} rules={[{ required: true }]}>
              <DateInput testId="alliance-member-left-on" />
            </Form.Item>
          ) : null}
          {dialog?.kind === "record-activity" ? (
            <>
              <Form.Item name="heldOn" label={t("alliances.activity.heldOn")} rules={[{ required: true }]}>
                <DateInput testId="alliance-activity-held-on" />
              </Form.Item>
              <Form.Item name="title" label={t("alliances.activity.title")} rules={[{ required: true }]}>
                <Input data-testid="alliance-activity-title" />
              </Form.Item>
              <Form.Item name="summary" label={t("alliances.activity.summary")}>
                <Input.TextArea rows={3} data-testid="alliance-activity-summary" />
              </Form.Item>
            </>
          ) : null}
          {dialog?.kind === "dissolve" ? (
            <Form.Item name="dissolvedOn" label={t("alliances.dissolvedOn")} rules={[{ required: true }]}>
              <DateInput testId="alliance-dissolved-on" />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </>
  );
}
