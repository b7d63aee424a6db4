// tryon-widget.js, the page-load file: window.TryOn.createClient (a facade over the lazy client) and <tryon-widget>.
// The error classes and TryOnWidgetElement come with the client (tryon-client.js), before any of its calls settles;
// the element's class is customElements.get('tryon-widget') at once.
import { TryOnWidgetElement } from './element.js';
import { createClient } from './load.js';

self.TryOn = { ...self.TryOn, createClient };

if (!customElements.get('tryon-widget')) customElements.define('tryon-widget', TryOnWidgetElement);
