export { feedUrlKey, searchDirectories } from './merge.js';
export type { DirectorySearchOptions } from './merge.js';
export type { DirectoryResult } from './types.js';
