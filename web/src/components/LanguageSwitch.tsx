import { useI18n } from "../i18n/I18nProvider";

/** Toggles 中文 ⇄ English; the choice is kept in localStorage. Plain HTML: it sits on the sign-in page too. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { language, setLanguage } = useI18n();
  return (
    <button
      type="button"
      className="plain-link-button"
      data-testid="lang-switch"
      onClick={() => setLanguage(language === "zh" ? "en" : "zh")}
    >
      {compact ? null : (
        <span aria-hidden="true" style={{ marginRight: 6 }}>
          文/A
        </span>
      )}
      {language === "zh" ? (compact ? "EN" : "English") : "中文"}
    </button>
  );
}
