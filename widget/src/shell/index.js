// tryon-widget.js, the page-load file: window.TryOn (the client facade, the error classes) and <tryon-widget>.
import { ERRORS } from '../client/errors.js';
import { TryOnWidgetElement } from './element.js';
import { createClient } from './load.js';

window.TryOn = Object.assign(window.TryOn || {}, ERRORS, { createClient, TryOnWidgetElement });

if (!customElements.get('tryon-widget')) customElements.define('tryon-widget', TryOnWidgetElement);
