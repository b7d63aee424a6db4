// Storage keys shared by the page-load shell and the UI.

/** Where an in-flight generation of a product is remembered, so a reload resumes it. */
export const jobKey = (productId) => 'tryon:job:' + productId;
