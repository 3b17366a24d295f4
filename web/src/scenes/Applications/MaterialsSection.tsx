import { DeleteOutlined, DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, Button, Popconfirm, Space, Table, Tag, Upload } from "antd";
import { useState } from "react";
import { type ApplicationDetail, applicationsApi } from "../../api/recognition";
import { DigestButton } from "../../components/DigestButton";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";

const accept = (slot: string) =>
  slot.endsWith("-docx")
    ? ".docx"
    : slot.endsWith("-pdf")
      ? ".pdf"
      : slot.startsWith("system-")
        ? ".pdf,.docx"
        : ".pdf,.png,.jpg,.jpeg";

/** The call's materials list: each slot with its files; the server judges the type by content and stores SHA-256. */
export function MaterialsSection({
  detail,
  editable,
  onChange,
}: {
  detail: ApplicationDetail;
  editable: boolean;
  onChange: (next: ApplicationDetail) => void;
}) {
  const { t, pick } = useI18n();
  const feedback = useFeedback();
  const [busy, setBusy] = useState<string | null>(null);
  const upload = async (slot: string, file: File) => {
    setBusy(slot);
    try {
      onChange(await applicationsApi.upload(detail.id, slot, file));
    } catch (error) {
      feedback.fail(error);
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message={t("editor.formHint")}
        action={
          <Space>
            <Button
              size="small"
              icon={<DownloadOutlined />}
              href={applicationsApi.formUrl(detail.id, "docx")}
              data-testid="form-docx"
            >
              Word
            </Button>
            <Button
              size="small"
              icon={<DownloadOutlined />}
              href={applicationsApi.formUrl(detail.id, "pdf")}
              data-testid="form-pdf"
            >
              PDF
            </Button>
          </Space>
        }
      />
      <Table
        size="small"
        rowKey="slot"
        pagination={false}
        dataSource={detail.materials}
        columns={[
          { title: t("facts.name"), render: (_, m) => pick(m.labelZh, m.labelEn) },
          {
            title: t("facts.status"),
            render: (_, m) => (
              <Space>
                {m.required ? <Tag>{t("editor.required")}</Tag> : null}
                <Tag color={m.present ? "green" : m.required ? "red" : undefined}>
                  {m.present ? t("editor.present") : t("editor.absent")}
                </Tag>
              </Space>
            ),
          },
          {
            title: t("table.actions"),
            render: (_, m) => (
              <Space direction="vertical" size={2}>
                {detail.files
                  .filter((f) => f.slot === m.slot)
                  .map((f) => (
                    <Space key={f.id} size={4}>
                      <a href={applicationsApi.fileUrl(detail.id, f.id)}>{f.name}</a>
                      <DigestButton sha256={f.sha256} />
                      {editable ? (
                        <Popconfirm
                          title={t("editor.remove")}
                          description={<div style={{ maxWidth: 320 }}>{t("consequence.deleteFile")}</div>}
                          okButtonProps={{ danger: true, "data-testid": "file-remove-confirm" }}
                          onConfirm={async () => {
                            try {
                              onChange(await applicationsApi.removeFile(detail.id, f.id));
                            } catch (error) {
                              feedback.fail(error);
                            }
                          }}
                        >
                          <DeleteOutlined aria-label={t("editor.remove")} data-testid={`file-remove-${f.id}`} />
                        </Popconfirm>
                      ) : null}
                    </Space>
                  ))}
                {editable ? (
                  <Upload
                    accept={accept(m.slot)}
                    showUploadList={false}
                    beforeUpload={(file) => {
                      void upload(m.slot, file);
                      return false;
                    }}
                  >
                    <Button
                      size="small"
                      icon={<UploadOutlined />}
                      loading={busy === m.slot}
                      data-testid={`upload-${m.slot}`}
                    >
                      {t("editor.upload")}
                    </Button>
                  </Upload>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
