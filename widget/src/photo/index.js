// tryon-photo.js, loaded on first use with the dialog: the photo step of the try-on.
import { register } from '../contract.js';
import { PhotoStep } from './step.js';

register('photo', { mount: (flow) => new PhotoStep(flow) });
