import i18next, { type TFunction } from "i18next";
import { cy } from "./messages/cy.ts";
import { en } from "./messages/en.ts";

// One i18next instance for the console, loaded from the message files at start. English is the
// fallback for any key a language lacks.

/** Languages the console speaks. */
export const consoleLanguages = ["en", "cy"] as const;
/** A console language. */
export type ConsoleLanguage = (typeof consoleLanguages)[number];

const instance = i18next.createInstance();
const ready = instance.init({
  resources: { en: { translation: en }, cy: { translation: cy } },
  lng: "en",
  fallbackLng: "en",
  interpolation: { escapeValue: false }, // the html`` template escapes every value itself
  showSupportNotice: false,
} as Parameters<typeof instance.init>[0]);

/** A translate function for one language (call after `consoleI18nReady`). */
export function translator(lang: ConsoleLanguage): TFunction {
  return instance.getFixedT(lang);
}

/** Resolves once the message files are loaded. */
export function consoleI18nReady(): Promise<unknown> {
  return ready;
}

/** The BCP 47 tag of a console language, for <html lang>. */
export function langTag(lang: ConsoleLanguage): string {
  return lang === "cy" ? "cy-GB" : "en-GB";
}
