// The client's defaults, defined once: the UI passes only what a merchant set.
import { ADAPTERS } from './adapters.js';

export { PROXY_PATH } from '../contract.js';

/** The TypeError every bad option gets: it names the option, what it should be and what it was. */
export function badOption(name, expected, value) {
  return new TypeError(`Expected \`${name}\` to be ${expected}, got ${String(value)}`);
}

/** Throw for an `adapter` or `statusUrl` that cannot work; return the config. */
export function checkConfig(config) {
  const { adapter, statusUrl } = config || {};
  if (adapter !== undefined && !Object.hasOwn(ADAPTERS, adapter))
    throw badOption('adapter', 'one of ' + Object.keys(ADAPTERS), adapter);
  if (statusUrl !== undefined && !String(statusUrl).includes('{id}'))
    throw badOption('statusUrl', 'a URL with {id}', statusUrl);
  return config || {};
}
