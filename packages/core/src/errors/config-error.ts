import { CustcodeError } from './custcode-error.js';

/** Bad or missing configuration: a key, a URL, an environment variable. */
export class ConfigError extends CustcodeError {
  override readonly name = 'ConfigError';
  readonly code = 'CONFIG_INVALID';
  readonly category = 'config' as const;
}
