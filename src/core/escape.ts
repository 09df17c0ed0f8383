/** Escaping for the markup the site writes by hand (everything else is escaped by Astro). */

/** Escapes text for HTML element content and double- or single-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * Escapes text for HTML element content only (never an attribute): `&`, `<` and `>`. Quotes need
 * no escape between tags, and `&quot;` costs five bytes more than `"` wherever untrusted text
 * repeats on every page (issue 9: topic reasons quote phrases on each of 50,000 paper pages).
 */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Escapes a double-quoted attribute value exactly as Astro does in a template (`&` and `"` only),
 * for the few hot spots that write markup as a string (issue 9) with the bytes Astro would write.
 */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/** Escapes text for XML/SVG element content and quoted attributes, as numeric character references. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Control characters (C0, DEL, C1) as `\uXXXX`: a file name or a quoted target in a message may
 * hold ESC, and must never reach a terminal raw.
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
