// Escaping for the sandbox's server-rendered pages: every user-controlled string (nicknames are
// generated with `<script>` and quotes on purpose) goes through esc().
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);

/** Pages allow their own inline styles and nothing else inline: an escaped name can never run. */
export const PAGE_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-src *; form-action 'self'";

/** The phone page also shows pictures from anywhere (link thumbnails) and frames H5 pages. */
export const PHONE_CSP = "default-src 'self'; img-src * data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-src *; connect-src 'self'";
