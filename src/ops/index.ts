export { createMetrics, timeJob, type Metrics } from './metrics.js';
export { createReadiness, type Readiness } from './readiness.js';
