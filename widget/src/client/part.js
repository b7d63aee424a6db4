// tryon-client.js, loaded by the first client call or the first press: the headless client, and the error classes
// on window.TryOn (so `instanceof TryOn.ApiError` holds for what any call rejects with), with TryOnWidgetElement
// (kept there for pages written before 0.2; customElements.get('tryon-widget') is the same class).
import { register } from '../contract.js';
import { createClient } from './client.js';
import { ERRORS } from './errors.js';

Object.assign((window.TryOn ||= {}), ERRORS, { TryOnWidgetElement: customElements.get('tryon-widget') });
register('client', { createClient });
