import { describe, expect, it } from 'vitest';
import { analyzeSentiment, labelFor } from './analyze.js';
import { detectCues, isNegated } from './cues.js';
import { ownWords } from './strip.js';

describe('cues on fixed examples', () => {
  it('an urgent post that vader scores as positive carries URGENCY', () => {
    const s = analyzeSentiment('Great product but our production is down and we need a fix ASAP, thanks!');
    expect(s.label).toBe('POSITIVE');
    expect(s.score).toBeGreaterThan(50);
    expect(s.cues).toContain('URGENCY');
    expect(s.cues).toContain('GRATITUDE');
  });

  it.each([
    ['This is urgent: the deadline is tomorrow.', ['URGENCY']],
    ['Prod is down since the update.', ['URGENCY']],
    ['This bug is blocking our release.', ['URGENCY']],
    ['Still broken after the patch. Third time I report this, ridiculous.', ['FRUSTRATION']],
    ['I am frustrated, nothing works.', ['FRUSTRATION']],
    ["I don't understand the pairing step.", ['CONFUSION']],
    ['What does "mesh fallback" mean here?', ['CONFUSION']],
    ['The docs are confusing.', ['CONFUSION']],
    ['We will cancel our subscription at the end of the month.', ['CHURN_RISK']],
    ['We are looking for alternatives.', ['CHURN_RISK']],
    ['Seriously considering switching to Acme.', ['CHURN_RISK']],
    ['Thanks, that saved my day!', ['GRATITUDE']],
    ['Thank you so much.', ['GRATITUDE']],
    ['How do I pair a second hub?', []],
  ])('%s → %j', (text, cues) => {
    expect(detectCues(text)).toEqual(cues);
  });

  it('negation just before a cue turns it off', () => {
    expect(detectCues('This is not urgent, whenever you have time.')).toEqual([]);
    expect(detectCues("It isn't blocking us.")).toEqual([]);
    expect(detectCues('No thanks.')).toEqual([]);
    expect(detectCues("I'm not confused anymore, it works.")).toEqual([]);
    expect(detectCues('We are never switching to another vendor.')).toEqual([]);
    // Only within the clause, and only a few words back.
    expect(detectCues('Not my fault, but this is urgent.')).toEqual(['URGENCY']);
    expect(isNegated('no, really urgent', 'no, really '.length)).toBe(false);
  });

  it('asking in advance is not gratitude yet, and "I would appreciate" is a request', () => {
    expect(detectCues('Any idea? Thanks in advance')).toEqual([]);
    expect(detectCues('I would appreciate any help.')).toEqual([]);
    expect(detectCues('Really appreciate the quick answer.')).toEqual(['GRATITUDE']);
  });

  it('code blocks, inline code and quotes are ignored', () => {
    const post = [
      '> This is ridiculous, production is down ASAP',
      '',
      'Here is my config:',
      '',
      '```',
      'error: urgent deadline exceeded, cancel my subscription',
      '```',
      '',
      'and the log says `CONFUSED state` — any idea?',
    ].join('\n');
    expect(ownWords(post)).not.toMatch(/ridiculous|urgent|CONFUSED/);
    expect(detectCues(ownWords(post))).toEqual([]);
    expect(analyzeSentiment(post).cues).toEqual([]);
  });
});

describe('score and label', () => {
  it('uses vader compound in thousandths with the ±0.05 thresholds', () => {
    expect(labelFor(50)).toBe('POSITIVE');
    expect(labelFor(49)).toBe('NEUTRAL');
    expect(labelFor(-49)).toBe('NEUTRAL');
    expect(labelFor(-50)).toBe('NEGATIVE');
    const bad = analyzeSentiment('This is terrible and I hate it.');
    expect(bad.label).toBe('NEGATIVE');
    expect(bad.score).toBeLessThan(-500);
    expect(bad.cues).toEqual(['FRUSTRATION']);
    expect(analyzeSentiment('```\nall good\n```')).toEqual({ score: 0, label: 'NEUTRAL', cues: [] });
  });

  it('a question includes its title', () => {
    expect(analyzeSentiment('Pairing stops at 90%.', 'URGENT: hub offline').cues).toEqual(['URGENCY']);
  });
});
