// Built-in English comes from the extension's catalog, the single source of every language.
import catalog from "../../../extension/locales/en.default.json";

export const EN = catalog.tryon;

/** A string by key with {{ name }} placeholders filled; plain text, never HTML. */
export function format(strings, key, values = {}) {
  const template = strings[key] ?? EN[key] ?? key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) => String(values[name] ?? ''));
}
