import type { Plugin } from "vite";
import type { Language } from "./src/i18n/define.ts";
import { dictionaries } from "./src/i18n/dictionary.ts";
import { coreDictionaries } from "./src/i18n/dictionary-core.ts";

const prefix = "virtual:dictionary/";

/**
 * `import("virtual:dictionary/zh")` is the UI dictionary of one language beyond the core words. The message files hold both languages
 * side by side (so neither can forget a key); this splits them at build time, so a visitor downloads only the words of
 * the language they read. In development it re-exports the live dictionary, so edits to the messages still reload.
 * The Vite config loads the message files too: their relative imports name the file (`.ts`, checked by biome.json), as
 * loading the config without a bundler will require and as Vite otherwise warns at every build.
 */
export function dictionaryPerLanguage(): Plugin {
  let serving = false;
  return {
    name: "guohe:dictionary-per-language",
    configResolved(config) {
      serving = config.command === "serve";
    },
    resolveId(id) {
      return id.startsWith(prefix) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith(`\0${prefix}`)) return null;
      const language = id.slice(prefix.length + 1);
      if (!Object.hasOwn(dictionaries, language)) this.error(`no dictionary for language "${language}"`);
      if (serving)
        return `import { dictionaries } from "/src/i18n/dictionary.ts";\nexport default dictionaries.${language};`;
      // The core words (i18n/dictionary-core.ts) are already loaded with the entry. A JSON string literal parses faster
      // than the same object as JavaScript.
      const core = coreDictionaries[language as Language];
      const rest = Object.entries(dictionaries[language as Language]).filter(([key, text]) => core[key] !== text);
      const json = JSON.stringify(Object.fromEntries(rest));
      return `export default JSON.parse(${JSON.stringify(json)});`;
    },
  };
}
