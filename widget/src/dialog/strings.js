// Shopper-facing text. Built-in English comes from extension/locales/en.default.json (the single source).
import catalog from '../../../extension/locales/en.default.json';

export const EN = catalog.tryon;

/**
 * A string by key with {name} placeholders filled; plain text for textContent, never HTML. A key the page's
 * catalog lacks, or holds as anything but a string, is English. Single braces, because {{ }} would be Liquid.
 */
export function format(strings, key, values = {}) {
  const own = strings[key];
  const template = typeof own == 'string' ? own : EN[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}
