export { createMetrics, runJob, type Metrics } from './metrics.js';
export { createReadiness, type Readiness } from './readiness.js';
