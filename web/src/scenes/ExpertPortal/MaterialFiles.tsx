import { Card, Table, Typography } from "antd";
import { type Materials, portalApi } from "../../api/review";
import { useI18n } from "../../i18n/I18nProvider";

type MaterialFile = Materials["files"][number];

/** 1 KB = 1024 bytes: 512 B, 0.8 KB, 2.4 MB. */
function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * 材料文件: the target's uploaded files, each opened through the expert's own assignment (the server audits every
 * opening). A PDF opens in the browser's viewer in a new tab; Word and other files download.
 */
export function MaterialFiles({ id, files }: { id: string; files: readonly MaterialFile[] }) {
  const { t, pick } = useI18n();
  return (
    <Card title={t("portal.materialFiles")} style={{ marginBottom: 16 }} data-testid="material-files">
      <Typography.Paragraph type="secondary">{t("portal.filesIntro")}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="fileId"
        pagination={false}
        scroll={{ x: "max-content" }}
        dataSource={[...files]}
        locale={{ emptyText: t("portal.noFiles") }}
        columns={[
          {
            title: t("portal.fileSlot"),
            render: (_, file) => (file.labelZh ? pick(file.labelZh, file.labelEn ?? file.labelZh) : file.slot),
          },
          { title: t("portal.fileName"), dataIndex: "name" },
          {
            title: t("portal.fileSize"),
            align: "right",
            render: (_, file) => fileSize(file.size),
          },
          {
            title: t("table.actions"),
            render: (_, file) => (
              <a
                href={portalApi.fileUrl(id, file.fileId)}
                target="_blank"
                rel="noopener noreferrer"
                data-testid={`material-file-${file.slot}`}
              >
                {file.mediaType === "application/pdf" ? t("portal.fileView") : t("portal.fileDownload")}
              </a>
            ),
          },
        ]}
      />
    </Card>
  );
}
