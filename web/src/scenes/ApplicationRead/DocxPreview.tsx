import { Alert, Spin } from "antd";
import { useEffect, useRef, useState } from "react";
import { fileBlob } from "../../api/client";
import { useI18n } from "../../i18n/I18nProvider";

/**
 * A Word (.docx) file rendered in the page by docx-preview, which is loaded only here (a dynamic import: no other
 * page downloads it). The bytes come from the same route as the download, with the reader's own session.
 */
export function DocxPreview({ url }: { url: string }) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<"loading" | "ready" | "failed">("loading");
  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const [{ renderAsync }, blob] = await Promise.all([import("docx-preview"), fileBlob(url)]);
        if (cancelled || !container.current) return;
        await renderAsync(blob, container.current, undefined, {
          inWrapper: true,
          ignoreLastRenderedPageBreak: true,
          breakPages: true,
        });
        if (!cancelled) setStatus("ready");
      } catch {
        if (!cancelled) setStatus("failed");
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [url]);
  return (
    <>
      {status === "loading" ? <Spin tip={t("read.previewLoading")} style={{ margin: 16 }} /> : null}
      {status === "failed" ? <Alert type="warning" showIcon message={t("read.previewFailed")} /> : null}
      <div ref={container} data-testid="docx-preview" data-status={status} />
    </>
  );
}
