import { UploadOutlined } from "@ant-design/icons";
import { Button, Flex, Typography, Upload } from "antd";
import { useState } from "react";
import { publicApi } from "../../api/endpoints";
import { errorMessage } from "../../api/errors";
import type { StoredFile } from "../../api/types";
import { useI18n } from "../../i18n/I18nProvider";

/**
 * The stamped authorisation letter: POST /api/public/files (multipart field "file"); the form keeps the returned
 * id. The server checks the content (PDF, PNG, JPEG, ≤ 10 MB), not just the file name.
 */
export function AuthorisationUpload({
  value,
  onChange,
  id,
}: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  id?: string;
}) {
  const { t, language, number } = useI18n();
  const [stored, setStored] = useState<StoredFile | null>(null);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <Flex vertical gap={4} id={id}>
      <Upload
        accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
        maxCount={1}
        showUploadList={false}
        customRequest={async ({ file }) => {
          setUploading(true);
          setError(null);
          try {
            const saved = await publicApi.uploadFile(file as File);
            setStored(saved);
            onChange?.(saved.id);
          } catch (failure) {
            setError(failure);
            setStored(null);
            onChange?.(undefined);
          } finally {
            setUploading(false);
          }
        }}
      >
        <Button icon={<UploadOutlined />} loading={uploading} data-testid="authorisation-upload">
          {value ? t("register.replaceFile") : t("register.chooseFile")}
        </Button>
      </Upload>
      {stored && value === stored.id ? (
        <Typography.Text type="success" data-testid="authorisation-file">
          {t("register.uploaded", { name: stored.name, size: number(Math.ceil(stored.size / 1024)) })}
        </Typography.Text>
      ) : null}
      {error ? <Typography.Text type="danger">{errorMessage(error, language)}</Typography.Text> : null}
    </Flex>
  );
}
