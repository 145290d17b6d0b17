export { createCustcodeApp, SERVER_VERSION, type CustcodeApp } from './create-app.js';
export { startServer, type RunningServer } from './start-server.js';
export type { OpenedServerSource, ServerOptions, ServerSourceEntry, ServerView } from './server-options.js';
export { openApiDocument } from './openapi/openapi-document.js';
export { ANONYMOUS_USER } from './authenticate.js';
