/** A missing or malformed setting: the API and the portal refuse to run on one rather than guess. */
export class ConfigError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ConfigError';
  }
}
