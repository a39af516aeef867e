export { createWebApp, startWebServer, type WebServer } from './server.js';
