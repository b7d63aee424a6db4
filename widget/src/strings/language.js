// Which language file (tryon-<code>.js, built from extension/locales/<code>.json) a widget's dialog speaks: its
// `locale` attribute, else the page's lang, exactly or by base language ("fr-CA" -> fr); English otherwise.
// LANGUAGES (" ar de … en ") is compiled in by build.py from the locale files' names, spaced for includes().

/** The language part's name (a part named by its code), or 'en'. */
export function language(host) {
  const locale = host.getAttribute('locale') || document.documentElement.lang || '';
  return [locale, locale.split('-')[0], 'en'].find((code) => LANGUAGES.includes(` ${code} `));
}
