import { appOrigins, crossOriginReason, SAME_ORIGIN_CHECKED } from '../../lib/same-origin.server';

/**
 * The unsubscribe page's action: same-origin like every other action, with one exception that
 * RFC 8058 requires: a mail client's one-click POST (body `List-Unsubscribe=One-Click`) comes
 * from elsewhere and without a session. It is let through only when it also carries a token,
 * which the API accepts only if it is validly signed; anything else cross-origin gets a 403.
 */
export function oneClickUnsubscribeAction<Args extends { request: Request }, Result>(
  action: (args: Args & { form: FormData }) => Promise<Result>,
): (args: Args) => Promise<Result> {
  const checked = async (args: Args) => {
    const form = await args.request.formData();
    const reason = crossOriginReason(args.request, appOrigins(args.request));
    if (reason && !(isOneClick(form) && tokenOf(args.request, form))) {
      throw new Response(`Cross-origin request refused (${reason}).`, {
        status: 403,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      });
    }
    return action({ ...args, form });
  };
  return Object.assign(checked, { [SAME_ORIGIN_CHECKED]: true });
}

export const isOneClick = (form: FormData) => form.get('List-Unsubscribe') === 'One-Click';

/** The signed token: in the URL (the List-Unsubscribe link) or the confirm form's field. */
export function tokenOf(request: Request, form: FormData): string | null {
  const value = new URL(request.url).searchParams.get('token') ?? form.get('token');
  return typeof value === 'string' && value.length > 0 && value.length <= 2000 ? value : null;
}
