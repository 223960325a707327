// Links that carry a secret in their path: a booking's manage link (page and API), a helper's private
// calendar feed and an invitation page. Logs keep the route, never the secret.
const SECRET_PATHS = [/^(\/api\/public\/bookings\/)[^/?#]+/, /^(\/bokning\/)[^/?#]+/, /^(\/api\/public\/calendars\/)[^/?#]+/, /^(\/inbjudan\/)[^/?#]+/];

export function redactUrl(url: string): string {
  for (const pattern of SECRET_PATHS) {
    if (pattern.test(url)) return url.replace(pattern, '$1[secret]');
  }
  return url;
}
