/**
 * A redirect target after login: only a same-origin path. Rejects protocol-relative (`//x`),
 * backslash tricks (`/\x`, `/%5Cx`), absolute URLs and `javascript:`; falls back to `fallback`.
 */
export function safeRedirect(target: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof target !== 'string' || target === '') return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    return fallback;
  }
  for (const value of [target, decoded]) {
    if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f]/.test(value)) return fallback;
  }
  try {
    const url = new URL(target, 'http://hearth.invalid');
    if (url.origin !== 'http://hearth.invalid') return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}
