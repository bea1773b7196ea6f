/**
 * A member's avatar: the image the API names (`Member.avatarUrl`, uploaded or generated from the
 * handle), round, at a fixed size so the layout does not shift while it loads. Decorative by
 * default (`alt=""`): it always stands next to the handle, which screen readers read anyway.
 */
export function Avatar({
  url,
  size = 24,
  alt = '',
  className = '',
}: {
  url: string;
  size?: number;
  alt?: string;
  className?: string;
}) {
  return (
    <img
      src={url}
      alt={alt}
      width={size}
      height={size}
      loading="lazy"
      decoding="async"
      data-testid="avatar"
      className={`inline-block shrink-0 rounded-full bg-slate-200 object-cover align-middle ${className}`}
      style={{ width: size, height: size }}
    />
  );
}
