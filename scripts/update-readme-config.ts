/** Regenerates the configuration table in README.md from the options table (src/config/options.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import { configDocsMarkdown } from '../src/config/index.js';

const start = '<!-- config-table:start -->';
const end = '<!-- config-table:end -->';
const readme = readFileSync('README.md', 'utf8');
const before = readme.slice(0, readme.indexOf(start) + start.length);
const after = readme.slice(readme.indexOf(end));
writeFileSync('README.md', `${before}\n${configDocsMarkdown().trim()}\n${after}`);
console.log('README.md configuration table updated');
