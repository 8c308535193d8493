import type { Config } from '../config.ts';

/**
 * Security headers (SPEC §11, issue 8 item 2), reviewed:
 * - The web app's CSP allows scripts only from our origin: the Vite build has no inline script (one
 *   `<script type="module" src>`). Styles need `'unsafe-inline'`: Mantine writes its CSS variables into a `<style>`
 *   element at run time and style props become `style=""` attributes, which neither nonces nor hashes can cover. Inline
 *   styles cannot run code, and `img-src`/`font-src`/`connect-src` limited to our origin leave CSS no way to send data out.
 *   `data:` images are the QR code of second-factor enrolment. No plugins (`object-src 'none'`), no framing.
 * - JSON answers of the API get `default-src 'none'`: nothing in them is ever rendered as a page. Files (PDF
 *   documents) keep the app's policy without `object-src`, so the browser's PDF viewer shows them.
 * - Swagger UI (`/api/docs`) keeps the CSP its plugin sets for its own files (`staticCSP`).
 * - Frames: `frame-ancestors 'none'` and `X-Frame-Options: DENY` (older browsers). Referrer: `no-referrer`, so no
 *   address (with case ids) leaves in a Referer header. `Cross-Origin-Opener-Policy` isolates the window.
 * - HSTS only when the answer went over TLS: `SECURE_COOKIES=true` (the server is reached over https), or a trusted
 *   proxy (`TRUST_PROXY=true`) said `X-Forwarded-Proto: https`. Over plain http it would be ignored or, worse, pin a
 *   laptop's localhost to https.
 */
export const appCsp = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
export const apiCsp = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
/** Files (PDF documents, XLSX, assets): the app's policy without `object-src 'none'`, which can keep a browser's PDF viewer from showing a document. */
export const fileCsp = appCsp.replace(" object-src 'none';", '');
export const hsts = 'max-age=31536000; includeSubDomains';

/** The security headers of one answer, from its address, content type and whether it went over TLS. */
export function securityHeaders(input: { url: string; contentType: string; tls: boolean }, config: Pick<Config, 'secureCookies'>): Record<string, string> {
  const h: Record<string, string> = {
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  };
  const isApi = input.url.startsWith('/api/');
  if (!input.url.startsWith('/api/docs')) {
    h['Content-Security-Policy'] = isApi && /json/.test(input.contentType) ? apiCsp : /text\/html/.test(input.contentType) ? appCsp : fileCsp;
  }
  if (isApi) h['Cache-Control'] = 'no-store';
  if (config.secureCookies || input.tls) h['Strict-Transport-Security'] = hsts;
  return h;
}
