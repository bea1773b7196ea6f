import { Form } from 'react-router';

/**
 * Shown to a signed-in member whose address is not verified yet: until it is, Hearth emails
 * them nothing but the verification link. The button asks for another link (a plain POST, so it
 * works without JavaScript).
 */
export function VerifyEmailNotice() {
  return (
    <section
      role="status"
      aria-label="Confirm your email address"
      data-testid="verify-email-notice"
      className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      <p>
        <strong>Confirm your email address.</strong> We sent you a link; until you open it we can’t email you about
        replies.
      </p>
      <Form method="post" action="/verify-email">
        <input type="hidden" name="intent" value="resend" />
        <button
          type="submit"
          className="rounded-md border border-amber-300 bg-white px-2 py-1 text-xs font-medium text-amber-900 hover:bg-amber-100"
          data-testid="resend-verification"
        >
          Send the link again
        </button>
      </Form>
    </section>
  );
}
