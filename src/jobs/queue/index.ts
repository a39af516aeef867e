export { QUEUE_NAMES } from './job-definition.js';
export { openJobQueue, type JobQueue } from './job-queue.js';
export { startQueueScheduler } from './queue-scheduler.js';
export { startWorker } from './worker.js';
