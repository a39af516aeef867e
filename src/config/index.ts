export { loadConfig, loadOptions } from './load-config.js';
export { describeConfig, configDocsMarkdown } from './describe-config.js';
export { options, type Config, type OptionKey } from './options.js';
export { TIMEOUT_AND_AGENT_KEYS, timeoutsAndAgent } from './fetch-settings.js';
export { dkimFromConfig } from './dkim.js';
