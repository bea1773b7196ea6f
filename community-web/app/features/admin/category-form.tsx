import { useId } from 'react';
import { Form } from 'react-router';
import { Button, Field, FieldError, FormMessage } from '../../components/ui/field';
import { KIND_HELP, KINDS } from './wording';

export interface CategoryValues {
  id?: string;
  name: string;
  slug: string;
  description: string;
  kind: string;
  slowModeSeconds: number;
  /** Minutes a question may wait unanswered before it is escalated to staff; null: never. */
  answerTargetMinutes?: number | null;
}

export interface CategoryFormErrors {
  form: string | null;
  fields: Record<string, string>;
}

const EMPTY: CategoryValues = {
  name: '',
  slug: '',
  description: '',
  kind: 'QA',
  slowModeSeconds: 0,
  answerTargetMinutes: null,
};

/**
 * Creates a category, or edits one (with `values.id`): name, slug, description, kind (each
 * explained, restricted saying who sees it), slow mode and the answer target (escalation). A plain POST form: it works without
 * JavaScript; the API's field errors show beside their fields.
 */
export function CategoryForm({
  values = EMPTY,
  errors,
  submitLabel,
  position,
}: {
  values?: CategoryValues;
  errors: CategoryFormErrors | null;
  submitLabel: string;
  /** Where a new category goes: after the others. */
  position?: number;
}) {
  const id = useId();
  const fields = errors?.fields ?? {};
  return (
    <Form method="post" className="space-y-4" data-testid={values.id ? `edit-${values.id}` : 'create-category'}>
      <input type="hidden" name="intent" value={values.id ? 'update' : 'create'} />
      {values.id && <input type="hidden" name="id" value={values.id} />}
      {position !== undefined && <input type="hidden" name="position" value={position} />}
      <FormMessage message={errors?.form} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" name="name" defaultValue={values.name} required maxLength={60} error={fields.name} />
        <Field
          label="Slug"
          name="slug"
          defaultValue={values.slug}
          required
          maxLength={60}
          hint="In the address: /c/slug. Lower-case words joined by -."
          error={fields.slug}
        />
      </div>
      <div>
        <label htmlFor={`${id}-description`} className="block text-sm font-medium text-slate-700">
          Description
        </label>
        <textarea
          id={`${id}-description`}
          name="description"
          defaultValue={values.description}
          maxLength={500}
          rows={2}
          aria-invalid={fields.description ? true : undefined}
          aria-describedby={fields.description ? `${id}-description-error` : undefined}
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        />
        <FieldError id={`${id}-description-error`} error={fields.description} />
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Kind</legend>
        <div className="mt-1 space-y-2">
          {KINDS.map((kind) => (
            <label key={kind} className="flex items-start gap-2 text-sm text-slate-800">
              <input type="radio" name="kind" value={kind} defaultChecked={values.kind === kind} className="mt-1" />
              <span>
                <span className="font-medium">{KIND_HELP[kind]!.label}</span>
                <span className="block text-slate-600">{KIND_HELP[kind]!.help}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldError id={`${id}-kind-error`} error={fields.kind} />
      </fieldset>
      <Field
        label="Slow mode (seconds)"
        name="slowModeSeconds"
        type="number"
        inputMode="numeric"
        min={0}
        max={86400}
        defaultValue={String(values.slowModeSeconds)}
        hint="The least time between two posts of one member here; moderators and administrators are exempt. 0 is off; at most 86400 (a day)."
        error={fields.slowModeSeconds}
      />
      <Field
        label="Answer target (minutes)"
        name="answerTargetMinutes"
        type="number"
        inputMode="numeric"
        min={0}
        max={525600}
        defaultValue={values.answerTargetMinutes ? String(values.answerTargetMinutes) : ''}
        hint="A question still unanswered this long is escalated to the support team. Empty or 0 is off (never automatically); at most 525600 (a year)."
        error={fields.answerTargetMinutes}
      />
      <Button type="submit">{submitLabel}</Button>
    </Form>
  );
}
