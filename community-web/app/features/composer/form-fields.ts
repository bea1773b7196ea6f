/**
 * Sets a form control's value the way typing would: through the native setter and an `input`
 * event, so React state and listeners that read the form (drafts, live suggestions) follow.
 */
export function setControlValue(control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) {
  const proto = Object.getPrototypeOf(control) as object;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(control, value);
  else control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
}

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** The form's control named `name` (the first, for a name used twice). */
export function namedControl(form: HTMLFormElement | null, name: string): Control | null {
  const found = form?.elements.namedItem(name);
  if (!found) return null;
  const control = found instanceof RadioNodeList ? found[0] : found;
  return control instanceof HTMLInputElement ||
    control instanceof HTMLTextAreaElement ||
    control instanceof HTMLSelectElement
    ? control
    : null;
}
