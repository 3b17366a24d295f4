import { TranslationOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useI18n } from "../i18n/I18nProvider";

/** Toggles 中文 ⇄ English; the choice is kept in localStorage. */
export function LanguageSwitch() {
  const { language, setLanguage } = useI18n();
  return (
    <Button
      type="text"
      icon={<TranslationOutlined />}
      data-testid="lang-switch"
      onClick={() => setLanguage(language === "zh" ? "en" : "zh")}
    >
      {language === "zh" ? "English" : "中文"}
    </Button>
  );
}
