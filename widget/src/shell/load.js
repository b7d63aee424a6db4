/* global TryOn -- window.TryOn: index.js defines it before any part can load */
// Loads the lazy parts next to tryon-widget.js, and the window.TryOn.createClient facade over the lazy client.
import { fileOf, UI_PARTS } from '../contract.js';
import { language } from '../strings/language.js';

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
      script.src = new URL(fileOf(name), SCRIPT_URL || location);
      script.onload = () => resolve(TryOn.parts[name]);
      script.onerror = () => reject(Error(script.src)); // the URL that failed
      document.head.append(script);
    })
  ).catch((error) => {
    delete loading[name];
    throw error;
  }));
}

/** Every part a press of `host` needs, in parallel, its language's strings included. */
export const loadUI = (host) => Promise.all([...UI_PARTS, language(host)].map(part));

/**
 * A client at once, whose methods load tryon-client.js on first call (bad options reject that call with a
 * TypeError). Any method name is passed on to the client (types/client.d.ts lists them), except `then`.
 */
export function createClient(config) {
  let client;
  return new Proxy(
    {},
    {
      get: (_, name) =>
        // A method name: a string ("string" < "sy" < "symbol"), and never `then`, so the client is no thenable.
        typeof name < 'sy' &&
        name != 'then' &&
        ((...args) =>
          part('client').then(
            (lazy) => (client ??= lazy.createClient(config))[name](...args),
            // collectEmail never rejects, even when its code cannot be loaded.
            (error) => (name == 'collectEmail' ? { success: false } : Promise.reject(error)),
          )),
    },
  );
}
