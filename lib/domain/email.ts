// One spelling of an email address, used for every lookup, uniqueness check and throttle key:
// whatever a client sends ("  Ann@Example.COM ") becomes "ann@example.com" once, at the boundary.

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const EMAIL_MAX = 254;

/** Unicode NFC, surrounding white space removed, lower case. Idempotent. */
export function normalizeEmail(text: string): string {
  return text.normalize("NFC").trim().toLowerCase();
}

/** Is the (normalised) address plausible: one @, a dot in the domain, no spaces, ≤ 254 chars. */
export function isEmail(normalized: string): boolean {
  return normalized.length <= EMAIL_MAX && EMAIL.test(normalized);
}
