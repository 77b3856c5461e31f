import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';

/** Gmail's shape of policy: nonce + strict-dynamic scripts, Trusted Types, frames only from Google hosts. */
export const GMAIL_LIKE_CSP = (nonce: string) =>
  [
    `script-src 'nonce-${nonce}' 'strict-dynamic' 'report-sample' 'unsafe-eval'`,
    "object-src 'none'",
    "base-uri 'self'",
    "require-trusted-types-for 'script'",
    'frame-src https://*.google.com https://mail-attachment.googleusercontent.com',
    "img-src 'self' data: https://*.google.com https://*.gstatic.com",
  ].join('; ');

/** Salesforce Lightning's shape: self and nonce scripts, frames only from the org's own Salesforce hosts. */
export const SALESFORCE_LIKE_CSP = (nonce: string) =>
  [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    'frame-src https://*.force.com https://*.salesforce.com https://*.visualforce.com',
    "connect-src 'self'",
    "object-src 'none'",
  ].join('; ');

/**
 * A saved host page whose own inline scripts carry the nonce, as the host's do, plus a
 * recorder of every CSP violation in `window.__violations`.
 */
export function pageWithNonce(fixture: string, nonce: string): string {
  return readFileSync(resolve(import.meta.dirname, '../../fixtures', fixture), 'utf8')
    .replaceAll('<script>', `<script nonce="${nonce}">`)
    .replace(
      '<head>',
      `<head><script nonce="${nonce}">window.__violations=[];document.addEventListener('securitypolicyviolation',e=>window.__violations.push(e.violatedDirective+' '+e.blockedURI));</script>`,
    );
}

/** Serves a saved host page at a real origin with a strict policy header (see pageWithNonce). */
export async function routeWithCsp(context: BrowserContext, origin: string, fixture: string, csp: (nonce: string) => string) {
  const nonce = 'n0nce' + Math.random().toString(36).slice(2);
  const html = pageWithNonce(fixture, nonce);
  await context.unroute(`${origin}/**`).catch(() => undefined);
  await context.route(`${origin}/**`, (route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          body: html,
          headers: { 'content-security-policy': csp(nonce) },
        })
      : route.fulfill({ status: 404, body: '' }),
  );
}
