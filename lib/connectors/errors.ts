export type ConnectorErrorKind =
  | 'auth' // credentials missing, revoked or expired beyond refresh
  | 'scopes' // the token lacks a permission the call needs
  | 'rate_limited' // the vendor asked us to slow down
  | 'server' // 5xx after retries
  | 'network' // no answer (offline, DNS, CORS, reset)
  | 'timeout'
  | 'invalid_response' // the body failed validation
  | 'not_found'
  | 'config' // Leadlight is not set up for this call
  | 'client'; // any other 4xx

const RETRYABLE: ReadonlySet<ConnectorErrorKind> = new Set(['rate_limited', 'server', 'network', 'timeout']);

/**
 * The one error type connectors throw. `message` is written for the user (it is
 * shown in the sidebar and options page); `detail` keeps the vendor's words.
 */
export class ConnectorError extends Error {
  override name = 'ConnectorError';
  readonly retryable: boolean;
  constructor(
    readonly kind: ConnectorErrorKind,
    message: string,
    readonly options: {
      status?: number;
      retryAfterMs?: number;
      detail?: string;
      /** True when Leadlight refused to call at all (the connection is paused); no request was sent. */
      unsent?: boolean;
      /**
       * The vendor's own error, as it sent it: its code, its words and the fields it names;
       * `byField` keeps what it said of each field when one answer refuses several apart.
       */
      vendorError?: {
        code: string;
        message: string;
        fields: string[];
        byField?: Readonly<Record<string, { code?: string; message: string }>>;
      };
      /** For 'scopes': the scopes the vendor said are missing (or the one the call needs, when it named none). */
      scopes?: readonly string[];
    } = {},
  ) {
    super(message);
    this.retryable = RETRYABLE.has(kind);
  }
  get status() {
    return this.options.status;
  }
  get retryAfterMs() {
    return this.options.retryAfterMs;
  }
  get unsent() {
    return this.options.unsent === true;
  }
  get vendorError() {
    return this.options.vendorError;
  }
}

/** Any thrown value as a ConnectorError, keeping connector errors as they are. */
export function asConnectorError(error: unknown): ConnectorError {
  if (error instanceof ConnectorError) return error;
  // A ConnectorError from another copy of this module (bundles, restarted test modules).
  if (error instanceof Error && error.name === 'ConnectorError' && 'kind' in error && 'options' in error) {
    const e = error as ConnectorError;
    return new ConnectorError(e.kind, e.message, e.options);
  }
  return new ConnectorError('network', error instanceof Error ? error.message : String(error));
}
