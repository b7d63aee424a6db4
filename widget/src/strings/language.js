// Which language file (tryon-<code>.js, built from extension/locales/<code>.json) a widget's dialog speaks: its
// `locale` attribute (the block always renders it), exactly or by base language ("fr-CA" -> fr); else English.
// LANGUAGES (" ar de … en ") is compiled in by build.py from the locale files' names, spaced for includes().

import { attr } from '../attr.js';

/** The language part's name (a part named by its code), or 'en'. */
export function language(host) {
  // No attribute reads "null": no such file, so English (the page-load file's budget has no byte for more).
  const locale = `${attr(host, 'locale')}`;
  return [locale, locale.split('-')[0], 'en'].find((code) => LANGUAGES.includes(` ${code} `));
}
