import { DeleteOutlined, UploadOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Popconfirm, Table, Typography, Upload } from "antd";
import { type EvidenceFile, type EvidenceFileList, type EvidenceOwner, evidenceApi } from "../api/evidence";
import type { MessageKey } from "../i18n/dictionary";
import { useI18n } from "../i18n/I18nProvider";
import { QueryError } from "./QueryError";
import { useFeedback } from "./useFeedback";

/** The browser's file picker filter; the server judges the type by content, whatever the name says. */
const pickerAccept: Record<string, string> = {
  pdf: ".pdf",
  png: ".png",
  jpeg: ".jpg,.jpeg",
  docx: ".docx",
  xlsx: ".xlsx",
};

const slotKeys: Record<string, MessageKey> = {
  evidence: "evidence.slot.evidence",
  plan: "evidence.slot.plan",
  report: "evidence.slot.report",
};

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

const evidenceKey = (owner: EvidenceOwner, id: string, state: string) => ["evidence", owner, id, state] as const;

/**
 * The evidence files of an annual report or a rectification case (Art. 18, 22, 24): a list with download links;
 * upload and delete only while the server says `editable` (and only the files of its `openSlot`). Keyed by the
 * owner's state, so a submission or a filing asks the server again whether files may still change.
 */
export function EvidenceFiles({ owner, id, state }: { owner: EvidenceOwner; id: string; state: string }) {
  const { t, dateTime } = useI18n();
  const feedback = useFeedback();
  const client = useQueryClient();
  const key = evidenceKey(owner, id, state);
  const query = useQuery({ queryKey: key, queryFn: () => evidenceApi.list(owner, id) });
  const settle = (next: EvidenceFileList) => client.setQueryData(key, next);
  const upload = useMutation({
    mutationFn: (file: File) => evidenceApi.upload(owner, id, file),
    onSuccess: (next, file) => {
      settle(next);
      feedback.done(t("evidence.uploaded", { name: file.name }));
    },
    onError: (error) => {
      feedback.fail(error);
      query.refetch();
    },
  });
  const remove = useMutation({
    mutationFn: (file: EvidenceFile) => evidenceApi.remove(owner, id, file.id),
    onSuccess: (next, file) => {
      settle(next);
      feedback.done(t("evidence.removed", { name: file.name }));
    },
    onError: (error) => {
      feedback.fail(error);
      query.refetch();
    },
  });

  const list = query.data;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const editable = Boolean(list?.editable);
  const slots = new Set(list?.items.map((file) => file.slot));
  const accept = (list?.acceptedTypes ?? []).map((type) => pickerAccept[type] ?? "").join(",");
  return (
    <Card
      size="small"
      title={t("evidence.title")}
      loading={query.isPending}
      style={{ marginBottom: 16 }}
      data-testid="evidence-files"
      extra={
        editable ? (
          <Upload
            accept={accept}
            showUploadList={false}
            multiple
            beforeUpload={(file) => {
              upload.mutate(file);
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined />} loading={upload.isPending} data-testid="evidence-upload">
              {t("evidence.upload")}
            </Button>
          </Upload>
        ) : null
      }
    >
      {editable && list ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t("evidence.hint", { mb: Math.round(list.maxBytes / 1024 / 1024) })}
        </Typography.Paragraph>
      ) : null}
      {list && list.items.length === 0 ? (
        <Alert type="info" showIcon title={editable ? t("evidence.empty") : t("evidence.readonly")} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={list?.items ?? []}
          columns={[
            {
              title: t("evidence.col.name"),
              render: (_, file: EvidenceFile) => (
                <a href={evidenceApi.fileUrl(owner, id, file.id)} data-testid="evidence-download">
                  {file.name}
                </a>
              ),
            },
            ...(slots.size > 1 || (list?.items[0]?.slot ?? "evidence") !== "evidence"
              ? [
                  {
                    title: t("evidence.col.slot"),
                    render: (_: unknown, file: EvidenceFile) => {
                      const slotKey = slotKeys[file.slot];
                      return slotKey ? t(slotKey) : "—";
                    },
                  },
                ]
              : []),
            { title: t("evidence.col.size"), render: (_, file: EvidenceFile) => sizeText(file.size) },
            { title: t("evidence.col.uploadedAt"), render: (_, file: EvidenceFile) => dateTime(file.createdAt) },
            ...(editable
              ? [
                  {
                    title: "",
                    width: 48,
                    render: (_: unknown, file: EvidenceFile) =>
                      file.slot === list?.openSlot ? (
                        <Popconfirm
                          title={t("evidence.removeConfirm")}
                          description={t("consequence.deleteEvidence")}
                          okText={t("evidence.remove")}
                          onConfirm={() => remove.mutate(file)}
                        >
                          <Button
                            size="small"
                            type="text"
                            danger
                            icon={<DeleteOutlined />}
                            aria-label={t("evidence.remove")}
                            loading={remove.isPending && remove.variables?.id === file.id}
                          />
                        </Popconfirm>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      )}
    </Card>
  );
}
