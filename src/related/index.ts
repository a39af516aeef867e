export { relateInsights, DEFAULT_RELATE_THRESHOLD } from './relate.js';
export { similarInsights, DEFAULT_MIN_SIMILARITY } from './similar.js';
