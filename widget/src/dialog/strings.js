// Shopper-facing text. Built-in English is its own part (tryon-en.js), from extension/locales/en.default.json.

/**
 * A string by key with {name} placeholders filled; plain text for textContent, never HTML. A key the page's
 * catalog lacks, or holds as anything but a string, is English. Single braces, because {{ }} would be Liquid.
 */
export function format(strings, key, values = {}) {
  const own = strings[key];
  const template = typeof own == 'string' ? own : (window.TryOn.parts.en[key] ?? key);
  return template.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}
