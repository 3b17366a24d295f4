import { lazy, Suspense, useState } from "react";
import { useI18n } from "../../i18n/I18nProvider";

// The drawer (antd's Drawer, the chat, the self-check) loads on the first click, so no page grows by it.
const AssistantDrawer = lazy(() => import("./AssistantDrawer").then((m) => ({ default: m.AssistantDrawer })));

/**
 * The floating 政策助手 button on every page inside AppShell — the public pages and the signed-in app alike
 * (issue 14 item 6). Plain HTML, a few hundred bytes: the sign-in page and the first routes stay within budget.
 */
export function AssistantLauncher() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  return (
    <>
      <button
        type="button"
        data-testid="assistant-open"
        aria-haspopup="dialog"
        onClick={() => {
          setLoaded(true);
          setOpen(true);
        }}
        style={{
          position: "fixed",
          right: 16,
          bottom: 16,
          zIndex: 900,
          padding: "10px 16px",
          border: "none",
          borderRadius: 24,
          background: "#1d4f91",
          color: "#fff",
          fontSize: 15,
          boxShadow: "0 4px 14px rgba(29, 79, 145, 0.35)",
          cursor: "pointer",
        }}
      >
        <span aria-hidden="true" style={{ marginRight: 6 }}>
          ?
        </span>
        {t("assistant.open")}
      </button>
      {loaded ? (
        <Suspense fallback={null}>
          <AssistantDrawer open={open} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
