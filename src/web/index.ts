export { startWebServer, type WebServer, type WebOptions } from './server.js';
