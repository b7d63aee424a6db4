// tryon-embed.js, the app embed's page-load file: puts the embed's <tryon-widget> on the page, unless the app
// block already did (one widget per product), and loads tryon-widget.js for it. It shares no code with the other
// files: what it reads is the <template data-tryon-embed> that blocks/tryon-embed.liquid renders.
// The widget goes right after the element, into its parent: a parent outside <body>, or one whose content is not
// laid out as a page's (head, scripts, templates, form controls, media), would hide it.
const HIDDEN =
  'head,script,style,template,noscript,select,option,optgroup,datalist,textarea,iframe,object,svg,canvas,video,audio';
const showable = (anchor) => document.body.contains(anchor.parentElement) && !anchor.parentElement.closest(HIDDEN);

const place = (template) => {
  // Liquid cannot see the app block (variables do not cross sections), so the page decides.
  if (document.querySelector('tryon-widget')) return;
  const { placement, after, src } = template.dataset;
  const content = template.content.cloneNode(true);
  const widget = content.querySelector('tryon-widget');
  let anchor = null;
  if (placement == 'after') {
    try {
      anchor = document.querySelector(after);
    } catch {}
    // Themes differ: a selector that finds nothing still leaves the shopper a button, and the merchant a reason.
    if (!anchor) console.warn(`<tryon-widget>: no element matches "${after}" (app embed setting); the button floats.`);
    else if (!showable(anchor)) {
      console.warn(
        `<tryon-widget>: "${after}" (app embed setting) matches no place where a button can show; the button floats.`,
      );
      anchor = null;
    }
  }
  if (anchor) anchor.after(content);
  else {
    widget.setAttribute('data-floating', '');
    document.body.append(content);
  }
  if (!customElements.get('tryon-widget'))
    document.head.append(Object.assign(document.createElement('script'), { src }));
};

const run = () => document.querySelectorAll('template[data-tryon-embed]').forEach(place);
if (document.readyState == 'loading') document.addEventListener('DOMContentLoaded', run);
else run();
