// tryon-client.js, loaded by the first client call or the first press: the headless client, and the error classes
// on window.TryOn (so `instanceof TryOn.ApiError` holds for what any call rejects with).
import { register } from '../contract.js';
import { createClient } from './client.js';
import { ERRORS } from './errors.js';

Object.assign((window.TryOn ||= {}), ERRORS);
register('client', { createClient });
