import { DownloadOutlined, EyeInvisibleOutlined, EyeOutlined } from "@ant-design/icons";
import { Alert, Button, Space, Typography } from "antd";
import { useState } from "react";
import type { ReadFile } from "../../api/application-read";
import { useI18n } from "../../i18n/I18nProvider";
import { DocxPreview } from "./DocxPreview";

/** 1 KB = 1024 bytes: 512 B, 0.8 KB, 2.4 MB. */
function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The preview the server chose for the file's type: PDF in the browser's viewer, an image, Word via docx-preview. */
function Preview({ file }: { file: ReadFile }) {
  const { t } = useI18n();
  switch (file.preview) {
    case "pdf":
      return <iframe src={file.url} title={file.name} data-testid="pdf-preview" />;
    case "image":
      return <img src={file.url} alt={file.name} data-testid="image-preview" />;
    case "docx":
      return <DocxPreview url={file.url} />;
    default:
      return <Alert type="info" showIcon message={t("read.noPreview")} />;
  }
}

/** One uploaded material: its slot as the call names it, the file's name and size, preview and download. */
export function FilePreview({ file, index }: { file: ReadFile; index: number }) {
  const { t, pick } = useI18n();
  const [open, setOpen] = useState(false);
  const download = file.url.replace(/\?inline=1$/, "");
  return (
    <div data-testid={`read-file-${index}`} data-slot={file.slot}>
      <Space wrap style={{ width: "100%", justifyContent: "space-between" }}>
        <span>
          <Typography.Text strong>{pick(file.labelZh, file.labelEn)}</Typography.Text>
          {"　"}
          {file.name}
          <Typography.Text type="secondary">（{fileSize(file.size)}）</Typography.Text>
        </span>
        <Space className="no-print">
          {file.preview !== "none" ? (
            <Button
              size="small"
              icon={open ? <EyeInvisibleOutlined /> : <EyeOutlined />}
              onClick={() => setOpen(!open)}
              data-testid={`preview-${index}`}
            >
              {open ? t("read.hidePreview") : t("read.preview")}
            </Button>
          ) : null}
          <Button size="small" icon={<DownloadOutlined />} href={download} download={file.name}>
            {t("read.download")}
          </Button>
        </Space>
      </Space>
      {open ? (
        <div className="read-preview">
          <Preview file={file} />
        </div>
      ) : null}
    </div>
  );
}
