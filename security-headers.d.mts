/** Security headers for every response: see security-headers.mjs. */
export function securityHeaders(development: boolean): [string, string][];
