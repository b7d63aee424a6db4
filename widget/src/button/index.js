// tryon-button.js, loaded only for markup from before 0.2 (a <tryon-widget> with no <button> inside): the button
// those pages had, in the element's shadow root, so `::part(button)` and the --tryon-* properties still style it.
// Kept for one release (CHANGELOG.md); new markup renders its own button and pays nothing for this file.
import { register } from '../contract.js';
import { catalog } from '../strings/catalog.js';
import { adopt } from '../styles.js';

const STYLE =
  ':host{display:block;--a:var(--tryon-accent,currentColor)}button{box-sizing:border-box;width:100%;' +
  'min-height:48px;padding:0 16px;font:inherit;cursor:pointer;border:1px solid var(--a);' +
  'border-radius:var(--tryon-radius,6px);background:none;color:var(--a)}:focus-visible{outline:2px solid var(--a);outline-offset:2px}';

register('button', {
  /** Give `host` the shadow-root button, labelled from the page's catalog (English otherwise). */
  mount(host) {
    if (host.button) return;
    const root = host.shadowRoot || host.attachShadow({ mode: 'open' });
    adopt(root, STYLE);
    root.innerHTML = '<button part="button" type="button"></button><slot></slot>';
    const button = root.firstChild;
    // The page's own words (the language files come with the dialog), else English (SHELL_EN, from build.py).
    const strings = catalog(host);
    button.textContent = host.getAttribute('label') || strings.button || SHELL_EN.button;
    for (const key of ['running', 'done', 'retry']) button.dataset[key] = strings['button_' + key] || SHELL_EN[key];
    host.upgrade(button);
  },
});
