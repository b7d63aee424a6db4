// tryon-en.js, loaded with the dialog: the built-in English catalog (extension/locales/en.default.json, the single
// source), which every other language falls back to key by key.
import catalog from '../../../extension/locales/en.default.json';
import { register } from '../contract.js';

register('en', catalog.tryon);
