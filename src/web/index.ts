export { startWebServer, type WebServer, type WebOptions } from './server.js';
export { startOperationsServer } from './operations-server.js';
