export { startWebServer, type WebServer } from './server.js';
