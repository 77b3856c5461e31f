// The Salesforce connector's public surface, for the background and options page.
export { createSalesforceConnector, type SalesforceConnectorOptions } from './connector';
export type { SalesforceSession } from './api';
export { connectSalesforce, type SalesforceTokenSet } from './connect';
export { buildAuthorizeUrl, exchangeCode, parseRedirect, refreshAccessToken, SALESFORCE_SCOPES } from './oauth';
export { createPkcePair } from './pkce';
export { normalizeLoginHost } from './hosts';
export { revokeSalesforceToken } from './revoke';
