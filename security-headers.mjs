// Security headers on every page and API response (docs/access.md), set by server.mjs on every
// response it hands to Next (`npm start`), and by next.config.ts for `next dev` only: Next's own
// header rules compile every header's value for every request (~3 % of an API request's CPU).
// Next's bootstrap scripts are inline, hence 'unsafe-inline' for scripts (no nonces); `next dev`
// also needs 'unsafe-eval'.

/** @param {boolean} development @returns {[string, string][]} */
export function securityHeaders(development) {
  const contentSecurityPolicy = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
  return [
    ["Content-Security-Policy", contentSecurityPolicy],
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["X-Frame-Options", "DENY"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"],
  ];
}
