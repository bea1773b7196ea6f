import { describe, expect, it } from 'vitest';
import { settingChanges } from './settings-changes';

const shown = [
  { key: 'moderation.hideThreshold', label: 'Hide threshold', integer: false },
  { key: 'moderation.claimMinutes', label: 'Claim minutes', integer: true },
];
const form = (entries: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.set(k, v);
  return f;
};

describe('settingChanges', () => {
  it('sends only the boxes that differ from what the page showed', () => {
    const f = form({
      'moderation.hideThreshold': '4',
      'was:moderation.hideThreshold': '6',
      'moderation.claimMinutes': '10',
      'was:moderation.claimMinutes': '10',
    });
    expect(settingChanges(f, shown)).toEqual({ changes: [{ key: 'moderation.hideThreshold', value: 4 }], errors: {} });
  });

  it('treats "6.0" as the 6 shown: nothing to change', () => {
    const f = form({ 'moderation.hideThreshold': '6.0', 'was:moderation.hideThreshold': '6' });
    expect(settingChanges(f, shown).changes).toEqual([]);
  });

  it('reports boxes that are not numbers, naming the setting', () => {
    const f = form({ 'moderation.claimMinutes': 'ten', 'was:moderation.claimMinutes': '10' });
    expect(settingChanges(f, shown).errors).toEqual({ 'moderation.claimMinutes': 'Claim minutes: enter a number.' });
    const empty = form({ 'moderation.claimMinutes': '', 'was:moderation.claimMinutes': '10' });
    expect(settingChanges(empty, shown).errors['moderation.claimMinutes']).toBeDefined();
  });

  it('a Reset button asks for that setting alone to follow its startup value', () => {
    const f = form({
      reset: 'moderation.claimMinutes',
      'moderation.hideThreshold': '1',
      'was:moderation.hideThreshold': '6',
    });
    expect(settingChanges(f, shown).changes).toEqual([{ key: 'moderation.claimMinutes', value: null }]);
  });

  it('ignores a reset of a setting the form does not show', () => {
    const f = form({ reset: 'reputation.staffPick' });
    expect(settingChanges(f, shown)).toEqual({ changes: [], errors: {} });
  });
});
