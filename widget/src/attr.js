// An element's attribute, read by one short name: the page-load file reads five and has no byte to spare for more.
export const attr = (element, name) => element.getAttribute(name);
