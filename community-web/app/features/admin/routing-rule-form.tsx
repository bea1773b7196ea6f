import { Form } from 'react-router';
import { Button, Field, FormMessage } from '../../components/ui/field';

export interface RoutingRuleValues {
  id?: string;
  name: string;
  enabled: boolean;
  categoryIds: string[];
  tags: string[];
  segments: string[];
  sentimentNegative: boolean;
  sentimentScoreAtMost?: number | null;
  sentimentCues: string[];
  notifyHandles: string[];
  notifyModerators: boolean;
  raisePriority: number;
  escalate: boolean;
}

export interface RoutingRuleFormErrors {
  form: string | null;
  fields: Record<string, string>;
}

export const CUES: [string, string][] = [
  ['FRUSTRATION', 'Frustration'],
  ['URGENCY', 'Urgency'],
  ['CONFUSION', 'Confusion'],
  ['CHURN_RISK', 'Churn risk'],
];

const EMPTY: RoutingRuleValues = {
  name: '',
  enabled: true,
  categoryIds: [],
  tags: [],
  segments: [],
  sentimentNegative: false,
  sentimentScoreAtMost: null,
  sentimentCues: [],
  notifyHandles: [],
  notifyModerators: false,
  raisePriority: 0,
  escalate: false,
};

const box = 'flex items-center gap-2 text-sm text-slate-800';

/**
 * Creates a routing rule, or edits one (with `values.id`): its name, the conditions a new
 * question must meet (each optional) and its actions (at least one). A plain POST form: it
 * works without JavaScript; the API's field errors show beside their fields.
 */
export function RoutingRuleForm({
  values = EMPTY,
  categories,
  errors,
  submitLabel,
}: {
  values?: RoutingRuleValues;
  categories: { id: string; name: string }[];
  errors: RoutingRuleFormErrors | null;
  submitLabel: string;
}) {
  const fields = errors?.fields ?? {};
  const fieldError = (name: string) =>
    fields[name] ? (
      <p className="mt-1 text-sm text-red-700" role="alert">
        {fields[name]}
      </p>
    ) : null;
  return (
    <Form method="post" className="space-y-4" data-testid={values.id ? `edit-rule-${values.id}` : 'create-rule'}>
      <input type="hidden" name="intent" value={values.id ? 'update' : 'create'} />
      {values.id && <input type="hidden" name="id" value={values.id} />}
      <FormMessage message={errors?.form ?? fields.actions} />
      <Field label="Name" name="name" defaultValue={values.name} required maxLength={100} error={fields.name} />
      <label className={box}>
        <input type="checkbox" name="enabled" defaultChecked={values.enabled} /> Enabled
      </label>
      <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold text-slate-700">When a new question… (all that are set)</legend>
        <div>
          <p className="text-sm font-medium text-slate-700">is in one of these categories (none: any)</p>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {categories.map((c) => (
              <label key={c.id} className={box}>
                <input
                  type="checkbox"
                  name="categoryIds"
                  value={c.id}
                  defaultChecked={values.categoryIds.includes(c.id)}
                />
                {c.name}
              </label>
            ))}
          </div>
          {fieldError('categoryIds')}
        </div>
        <Field
          label="carries any of these tags"
          name="tags"
          defaultValue={values.tags.join(', ')}
          hint="Separated by commas; empty: any."
          error={fields.tags}
        />
        <Field
          label="comes from a customer in one of these segments"
          name="segments"
          defaultValue={values.segments.join(', ')}
          hint="Separated by commas (the CRM's segment, e.g. Enterprise); empty: any."
          error={fields.segments}
        />
        <label className={box}>
          <input type="checkbox" name="sentimentNegative" defaultChecked={values.sentimentNegative} /> reads negative
        </label>
        <Field
          label="has a sentiment score of at most (-1000 to 1000)"
          name="sentimentScoreAtMost"
          type="number"
          min={-1000}
          max={1000}
          defaultValue={values.sentimentScoreAtMost ?? ''}
          error={fields.sentimentScoreAtMost}
        />
        <div>
          <p className="text-sm font-medium text-slate-700">shows any of these cues</p>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {CUES.map(([cue, label]) => (
              <label key={cue} className={box}>
                <input
                  type="checkbox"
                  name="sentimentCues"
                  value={cue}
                  defaultChecked={values.sentimentCues.includes(cue)}
                />
                {label}
              </label>
            ))}
          </div>
          {fieldError('sentimentCues')}
        </div>
      </fieldset>
      <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold text-slate-700">…then (at least one)</legend>
        <label className={box}>
          <input type="checkbox" name="notifyModerators" defaultChecked={values.notifyModerators} /> notify the
          moderators
        </label>
        <Field
          label="notify these members"
          name="notifyHandles"
          defaultValue={values.notifyHandles.join(', ')}
          hint="Handles, separated by commas."
          error={fields.notifyHandles}
        />
        <Field
          label="raise the escalation's priority by (points, 0 to 100)"
          name="raisePriority"
          type="number"
          min={0}
          max={100}
          defaultValue={values.raisePriority}
          error={fields.raisePriority}
        />
        <label className={box}>
          <input type="checkbox" name="escalate" defaultChecked={values.escalate} /> escalate to staff
        </label>
      </fieldset>
      <Button type="submit">{submitLabel}</Button>
    </Form>
  );
}
