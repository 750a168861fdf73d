// Secrets and tokens never reach a log line or an error message: query parameters that carry one
// are masked wherever a URL is printed.
const SECRET_PARAMS = ['access_token', 'corpsecret', 'secret', 'code', 'refresh_token', 'key'];
const PATTERN = new RegExp(`([?&](?:${SECRET_PARAMS.join('|')})=)[^&#\\s]*`, 'gi');

/** The URL (or any text holding URLs) with secret-bearing query values replaced by `***`. */
export function redactUrl(text: string): string {
  return text.replace(PATTERN, '$1***');
}
