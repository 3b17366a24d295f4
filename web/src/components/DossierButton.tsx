import { DownloadOutlined } from "@ant-design/icons";
import { Button, Tooltip } from "antd";
import { useI18n } from "../i18n/I18nProvider";

/**
 * 下载档案: the one-click dossier of an application or a base (SPEC §6). A plain link: the server decides what the
 * reader's dossier holds and refuses what the reader may not see; the page shows the button to whoever reads it.
 */
export function DossierButton({ href }: { href: string }) {
  const { t } = useI18n();
  return (
    <Tooltip title={t("dossier.hint")}>
      <Button icon={<DownloadOutlined />} href={href} download data-testid="dossier-download">
        {t("dossier.download")}
      </Button>
    </Tooltip>
  );
}
