// tryon-theme.js, loaded on first use with the dialog: the page around the widget. What the theme's page says a
// try-on is for, what this browser remembers of a product's try-on from one page to the next, and the words the
// page gives the widget (strings/catalog.js).
import { register } from '../contract.js';
import { catalog } from '../strings/catalog.js';
import { recall, remember } from '../tries.js';
import { target, watchVariant } from './variant.js';

register('theme', { target, watchVariant, recall, remember, strings: catalog });
