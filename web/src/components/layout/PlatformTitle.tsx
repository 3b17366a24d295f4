import { Link } from "react-router";
import { useI18n } from "../../i18n/I18nProvider";

/** A globe: the platform's mark, drawn inline so the plain sign-in page needs no icon library. */
function Globe({ size }: { size: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="#b71c1c"
      strokeWidth="1.6"
      aria-hidden="true"
    >
      <circle cx="12" cy="12" r="10" />
      <ellipse cx="12" cy="12" rx="4.2" ry="10" />
      <path d="M2 12h20M4 6.5h16M4 17.5h16" />
    </svg>
  );
}

/** 国合基地管理平台 / International S&T Cooperation Base Platform, with the issuing department underneath. */
export function PlatformTitle({ large = false, compact = false }: { large?: boolean; compact?: boolean }) {
  const { t } = useI18n();
  return (
    <Link to="/" style={{ color: "inherit", minWidth: 0, textDecoration: "none" }}>
      <span style={{ display: "flex", alignItems: "center", gap: 10 }}>
        {compact ? null : <Globe size={large ? 36 : 26} />}
        <span style={{ display: "flex", flexDirection: "column", lineHeight: 1.25, minWidth: 0 }}>
          <strong
            style={{ fontSize: large ? 22 : 17, fontWeight: 600, whiteSpace: compact ? "nowrap" : undefined }}
            data-testid="platform-title"
          >
            {t("app.title")}
          </strong>
          {compact ? null : (
            <span style={{ fontSize: large ? 13 : 12, color: "rgba(0,0,0,0.45)" }}>{t("app.subtitle")}</span>
          )}
        </span>
      </span>
    </Link>
  );
}
