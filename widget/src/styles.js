// Styles for a shadow root as a constructable stylesheet: works under a CSP without 'unsafe-inline' in style-src.

/** Add `css` to `root`; browsers without adoptedStyleSheets (Safari before 16.4) get a <style> element. */
export function adopt(root, css) {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    root.prepend(Object.assign(document.createElement('style'), { textContent: css }));
  }
}
