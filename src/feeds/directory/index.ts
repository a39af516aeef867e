export { searchDirectories } from './merge.js';
export type { DirectorySearchOptions } from './merge.js';
