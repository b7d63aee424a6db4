// The npm package's "tryon-widget/client": the headless client and its error classes, with no DOM access at import
// (safe to import on a server: Hydrogen loaders, edge functions, tests in Node).
export { createClient } from '../client/client.js';
export {
  ApiError,
  GenerationFailedError,
  GenerationNotFoundError,
  GenerationTimeoutError,
  InvalidResponseError,
  TryOnError,
} from '../client/errors.js';
