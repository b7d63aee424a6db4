// The strings a widget's dialog speaks, key by key: the `strings` property, else the page's JSON catalog (a
// <script type="application/json"> child: one catalog, or catalogs by locale), else the widget's language file,
// else English (format() in dialog/strings.js). Only strings count: any other value falls through.
import { language } from './language.js';

// An object (from any window: a page may set strings across frames), not null, an array, a string or a number.
const isCatalog = (value) => value && typeof value == 'object' && !Array.isArray(value);

/** The catalog the page gives in the widget's JSON child, for the widget's locale; {} when none. */
function pageCatalog(host) {
  let all;
  try {
    all = JSON.parse(host.querySelector('script[type="application/json"]').textContent);
  } catch {}
  all = isCatalog(all) ? all : {};
  const locale = host.getAttribute('locale') || document.documentElement.lang || 'en';
  if (Object.values(all).some((value) => typeof value == 'string')) return all;
  return [all[locale], all[locale.split('-')[0]], all.en, {}].find(isCatalog);
}

/** Every string the widget has, by key (its language file must have loaded: the element loads it with the parts). */
export function catalog(host) {
  const strings = { ...window.TryOn.parts[language(host)] };
  for (const source of [pageCatalog(host), host.strings])
    for (const [key, value] of Object.entries(isCatalog(source) ? source : {}))
      if (typeof value == 'string') strings[key] = value;
  return strings;
}
