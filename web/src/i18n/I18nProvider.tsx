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

/** The words loaded so far: the core at first; a language's whole dictionary once the application shell needs it. */
const tables: Record<Language, Record<string, string>> = { ...coreDictionaries };
const loaded = new Set<Language>();
let wholeWanted = false;

/** Each language's whole dictionary is its own chunk (web/dictionary-plugin.ts): a visitor loads only theirs. */
const wholeDictionary: Record<Language, () => Promise<{ default: Record<string, string> }>> = {
  zh: () => import("virtual:dictionary/zh"),
  en: () => import("virtual:dictionary/en"),
};

async function loadWhole(language: Language): Promise<void> {
  if (loaded.has(language)) return;
  tables[language] = { ...coreDictionaries[language], ...(await wholeDictionary[language]()).default };
  loaded.add(language);
}

/**
 * Loads the whole dictionary of the chosen language; the application shell's route awaits it before any of its pages
 * renders (routes/router.tsx), and from then on a language switch loads the other language's words before it switches.
 */
export function loadWholeDictionary(): Promise<void> {
  wholeWanted = true;
  return loadWhole(initialLanguage());
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
    const apply = () => {
      setDayjsLocale(next);
      document.documentElement.lang = next === "zh" ? "zh-CN" : "en";
      setLanguageState(next);
    };
    // Without its words a switch would show keys; a failed load (offline) still switches, with the core words.
    if (wholeWanted) loadWhole(next).then(apply, apply);
    else apply();
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
