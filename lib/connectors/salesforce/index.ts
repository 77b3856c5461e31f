// The Salesforce connector's public surface, for the background and options page.
export { createSalesforceConnector } from './connector';
export { connectSalesforce } from './connect';
export { issuingHost } from './hosts';
export { refreshAccessToken } from './oauth';
export { revokeSalesforceToken } from './revoke';
