/** A setting as the form shows it: its key and the value the page was rendered with. */
export interface ShownSetting {
  key: string;
  label: string;
  integer: boolean;
}

export type SettingChange = { key: string; value: number | null };

/**
 * What a settings form asks to change: only the settings whose box differs from the value the
 * page showed (`was:<key>`), so saving one group never writes back values another admin changed
 * meanwhile. A Reset button (`reset=<key>`) asks for that setting alone to follow its startup
 * value again. Boxes that are not numbers are reported per setting, before anything is sent.
 */
export function settingChanges(
  form: FormData,
  shown: ShownSetting[],
): { changes: SettingChange[]; errors: Record<string, string> } {
  const reset = form.get('reset');
  if (typeof reset === 'string' && shown.some((s) => s.key === reset)) {
    return { changes: [{ key: reset, value: null }], errors: {} };
  }
  const changes: SettingChange[] = [];
  const errors: Record<string, string> = {};
  for (const setting of shown) {
    const raw = String(form.get(setting.key) ?? '').trim();
    const was = String(form.get(`was:${setting.key}`) ?? '');
    if (raw === was) continue;
    const value = raw === '' ? NaN : Number(raw);
    if (!Number.isFinite(value)) errors[setting.key] = `${setting.label}: enter a number.`;
    else if (value !== Number(was)) changes.push({ key: setting.key, value });
  }
  return { changes, errors };
}
