// tryon-theme.js, loaded on first use with the dialog: what the theme's page says a try-on is for.
import { register } from '../contract.js';
import { target, watchVariant } from './variant.js';

register('theme', { target, watchVariant });
