// tryon-client.js, loaded by the first client call or the first press: the headless client.
import { register } from '../contract.js';
import { createClient } from './client.js';

register('client', { createClient });
