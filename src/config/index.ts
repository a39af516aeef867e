export { loadConfig, loadOptions, type LoadConfigOptions } from './load-config.js';
export { describeConfig, configDocsMarkdown } from './describe-config.js';
export { options, type Config, type OptionKey, type OptionSpec } from './options.js';
export { TIMEOUT_AND_AGENT_KEYS, timeoutsAndAgent } from './fetch-settings.js';
