// tryon-photo.js, loaded on first use with the dialog: the photo step of the try-on, and the waiting step while
// the photo becomes a try-on.
import { register } from '../contract.js';
import { PhotoStep } from './step.js';
import { Wait } from './wait.js';

register('photo', { mount: (flow) => new PhotoStep(flow), waiting: (flow) => new Wait(flow) });
