import { SafetyCertificateOutlined } from "@ant-design/icons";
import { Button, Popover, Typography } from "antd";
import { useI18n } from "../i18n/I18nProvider";

/**
 * A file's digest behind a 校验 button (issue 13 item 7): the page shows words; whoever checks a copy opens the
 * popover and copies the full value.
 */
export function DigestButton({ sha256 }: { sha256: string }) {
  const { t } = useI18n();
  return (
    <Popover
      trigger="click"
      title={t("digest.title")}
      content={
        <div style={{ maxWidth: 360 }} data-testid="digest-popover">
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t("digest.hint")}
          </Typography.Paragraph>
          <Typography.Text code copyable style={{ wordBreak: "break-all" }}>
            {sha256}
          </Typography.Text>
        </div>
      }
    >
      <Button size="small" type="link" icon={<SafetyCertificateOutlined />} data-testid="digest-button">
        {t("digest.button")}
      </Button>
    </Popover>
  );
}
