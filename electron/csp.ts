// The one Content-Security-Policy for the UI, shared by the app:// protocol (Electron) and the
// browser-mode HTTP server (serve.ts), so both transports enforce exactly the same rules.

/**
 * 'unsafe-inline' is allowed for styles only: AG Grid and ECharts position cells, tooltips and
 * canvases with inline style attributes, and they break without it. Scripts stay 'self' only
 * (no inline, no eval), which is what protects against injected markup in imported data.
 */
const DIRECTIVES: readonly string[] = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');
