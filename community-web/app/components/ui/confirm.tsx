import { useId, useRef, type ReactNode } from 'react';
import { Form, Link } from 'react-router';
import { useHydrated } from '../../lib/use-hydrated';
import { Button } from './field';

/** The form field a confirmed destructive submission carries; actions act only when it is set. */
export const CONFIRMED_FIELD = 'confirmed';

/** True when a destructive action's form was confirmed (the dialog's or the confirm step's button). */
export const isConfirmed = (form: FormData) => form.get(CONFIRMED_FIELD) === '1';

export interface ConfirmText {
  /** The question, e.g. "Delete this post?" */
  title: string;
  /** What will happen, and whether it can be undone. */
  description: string;
  /** The confirming button, e.g. "Yes, delete". */
  confirmLabel: string;
}

/**
 * A submit button for a destructive action that asks first. With JavaScript it opens a modal
 * <dialog> (focus moves into it, Escape or Cancel closes it and focus returns to the button);
 * its confirming button submits the enclosing form with `confirmed=1`. Without JavaScript the
 * form is sent unconfirmed and the action answers with a ConfirmStep instead of acting.
 */
export function ConfirmButton({
  text,
  className,
  children,
  testId,
}: {
  text: ConfirmText;
  className?: string;
  children: ReactNode;
  testId?: string;
}) {
  const hydrated = useHydrated();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  return (
    <>
      <button
        type="submit"
        className={className}
        data-testid={testId}
        aria-haspopup={hydrated ? 'dialog' : undefined}
        onClick={(event) => {
          if (!dialog.current) return;
          event.preventDefault();
          dialog.current.showModal();
        }}
      >
        {children}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-description`}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-5 text-left text-sm text-slate-800 shadow-xl backdrop:bg-slate-900/40"
      >
        <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">
          {text.title}
        </h2>
        <p id={`${id}-description`} className="mt-2 text-slate-600">
          {text.description}
        </p>
        <div className="mt-4 flex justify-end gap-2">
          <Button type="button" variant="secondary" autoFocus onClick={() => dialog.current?.close()}>
            Cancel
          </Button>
          <Button type="submit" name={CONFIRMED_FIELD} value="1" variant="danger">
            {text.confirmLabel}
          </Button>
        </div>
      </dialog>
    </>
  );
}

/**
 * The confirmation an action answers an unconfirmed destructive submission with (the no-JavaScript
 * path): the same fields again with `confirmed=1`, or Cancel back to the page.
 */
export function ConfirmStep({
  text,
  fields,
  cancelTo,
}: {
  text: ConfirmText;
  /** The original submission's fields, sent again. */
  fields: Record<string, string>;
  cancelTo: string;
}) {
  const id = useId();
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="mt-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-slate-800"
      data-testid="confirm-step"
    >
      <h2 id={`${id}-title`} className="font-semibold text-slate-900">
        {text.title}
      </h2>
      <p className="mt-1 text-slate-700">{text.description}</p>
      <Form method="post" className="mt-3 flex items-center gap-2">
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <Button type="submit" name={CONFIRMED_FIELD} value="1" variant="danger">
          {text.confirmLabel}
        </Button>
        <Link to={cancelTo} className="rounded-md px-3 py-2 font-medium text-slate-700 hover:text-slate-900">
          Cancel
        </Link>
      </Form>
    </section>
  );
}
