/** Words the knowledge base's pages show for the API's enums and fields. */

export const STATE_LABELS: Record<string, string> = {
  DRAFT: 'Draft',
  IN_REVIEW: 'In review',
  PUBLISHED: 'Published',
  ARCHIVED: 'Archived',
};

/** A contributor's part in the source thread: "asked", "answered", "edited". */
export const ROLE_WORDS: Record<string, string> = {
  ASKER: 'asked',
  ANSWERER: 'answered',
  EDITOR: 'edited',
};

/** The article's fields as staff read them in versions and diffs. */
const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  issue: 'Issue',
  environment: 'Environment',
  resolution: 'Resolution',
  cause: 'Cause',
  tags: 'Tags',
  categoryId: 'Category',
  reviewBy: 'Review date',
};

export const fieldLabel = (field: string) => FIELD_LABELS[field] ?? field;

/** "Resolution and Tags", "Title, Issue and Cause"; "" for none. */
export function listFields(fields: string[]): string {
  const labels = fields.map(fieldLabel);
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
}

/** A day as readers read it: "1 Dec 2026" (UTC, so server and browser agree). */
export function formatDay(iso: string): string {
  return new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/**
 * The first line of an article's issue as a plain-text teaser for lists: markdown marks and
 * links reduced to their text, at most `max` characters, cut at a word.
 */
export function issueTeaser(markdown: string, max = 160): string {
  const text = markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`>#~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:]+$/, '')}…`;
}

/** What the staff queue says an article waits for. */
export function queueReason(a: { state: string; needsReview: boolean; hasStagedVersion: boolean }): string {
  if (a.needsReview) return 'Needs review';
  if (a.hasStagedVersion) return 'Staged changes to publish';
  if (a.state === 'IN_REVIEW') return 'Ready to publish';
  if (a.state === 'DRAFT') return 'Draft to edit';
  return STATE_LABELS[a.state] ?? a.state;
}

/**
 * What the thread page says about the article made from it: readers learn the question is
 * answered in the knowledge base; staff see a draft, one in review or an archived one for what
 * it is, with a link to act on it.
 */
export function threadArticleNote(article: { state: string }): { lead: string; link: string } {
  switch (article.state) {
    case 'DRAFT':
      return { lead: 'Knowledge draft made from this thread:', link: 'review it' };
    case 'IN_REVIEW':
      return { lead: 'A knowledge article from this thread is in review:', link: 'publish or edit it' };
    case 'ARCHIVED':
      return { lead: 'The knowledge article made from this thread is archived:', link: 'see it' };
    default:
      return { lead: 'This question is answered in the knowledge base:', link: '' };
  }
}
