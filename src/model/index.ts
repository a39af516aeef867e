export type * from './feed.js';
export type * from './transcript.js';
export type * from './insight.js';
export type * from './brief.js';
export type * from './user.js';
