// Loads the lazy parts next to tryon-widget.js, and the window.TryOn.createClient facade over the lazy client.
import { CLIENT_METHODS, fileOf, UI_PARTS } from '../contract.js';

const SCRIPT_URL = document.currentScript?.src;
const loading = {};
/** `load(name)`, when set, loads a part instead of a script tag: the npm package's element uses its bundler's import(). */
export const hooks = {};

/** Load one part's file once per page (again after a failure); resolves what it registered (contract.js). */
export function part(name) {
  return (loading[name] ??= (
    hooks.load?.(name) ||
    new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = new URL(fileOf(name), SCRIPT_URL || document.baseURI).href;
      script.onload = () => resolve(window.TryOn.parts[name]);
      script.onerror = () => reject(new Error('Could not load ' + script.src));
      document.head.append(script);
    })
  ).catch((error) => {
    delete loading[name];
    throw error;
  }));
}

/** Every part a press needs, in parallel. */
export const loadUI = () => Promise.all(UI_PARTS.map(part));

/** A client at once, whose methods load tryon-client.js on first call (bad options reject that call with a TypeError). */
export function createClient(config) {
  let client;
  const api = {};
  for (const name of CLIENT_METHODS) {
    api[name] = (...args) =>
      part('client').then(
        (lazy) => (client ??= lazy.createClient(config))[name](...args),
        // collectEmail never rejects, even when its code cannot be loaded.
        (error) => (name == 'collectEmail' ? { success: false } : Promise.reject(error)),
      );
  }
  return api;
}
