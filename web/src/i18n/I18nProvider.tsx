import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import type { Language } from "./define";
import type { MessageKey } from "./dictionary";
import { coreDictionaries } from "./dictionary-core";
import { formatDate, formatDateTime, formatNumber, setDayjsLocale } from "./format";

const storageKey = "guohe.language";

export type Params = Record<string, string | number>;

export interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  /** The UI string for `key` in the current language; `{name}` placeholders are filled from params. */
  t: (key: MessageKey, params?: Params) => string;
  /** Picks the current language's version of a bilingual value from the API (labelZh/labelEn, nameZh/nameEn). */
  pick: (zh: string, en: string) => string;
  date: (value: string | Date | null | undefined) => string;
  dateTime: (value: string | Date | null | undefined) => string;
  number: (value: number) => string;
}

const I18nContext = createContext<I18n | null>(null);

/** The words loaded so far: the core at first, the whole dictionary once the application shell has loaded. */
let tables: Record<Language, Record<string, string>> = coreDictionaries;

/** Called by the application shell's module before any of its pages renders (see components/AppShell.tsx). */
export function registerDictionaries(all: Record<Language, Record<string, string>>) {
  tables = all;
}

function initialLanguage(): Language {
  try {
    return localStorage.getItem(storageKey) === "en" ? "en" : "zh";
  } catch {
    return "zh";
  }
}

function fill(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() => {
    const chosen = initialLanguage();
    setDayjsLocale(chosen);
    document.documentElement.lang = chosen === "zh" ? "zh-CN" : "en";
    return chosen;
  });

  const setLanguage = useCallback((next: Language) => {
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    setDayjsLocale(next);
    document.documentElement.lang = next === "zh" ? "zh-CN" : "en";
    setLanguageState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    return {
      language,
      setLanguage,
      t: (key, params) => fill(tables[language][key] ?? key, params),
      pick: (zh, en) => (language === "zh" ? zh : en),
      date: (v) => formatDate(v, language),
      dateTime: (v) => formatDateTime(v, language),
      number: (v) => formatNumber(v, language),
    };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error("useI18n outside I18nProvider");
  return context;
}
