/** How each kind is named on the settings page (the API's NotificationKind values). */
export const KIND_LABELS: Record<string, { label: string; help: string }> = {
  REPLY: { label: 'Answers to your questions', help: 'Someone replied in a thread you started.' },
  MENTION: { label: 'Mentions', help: 'Someone wrote @your-handle in a post.' },
  FOLLOWED_REPLY: { label: 'Replies in followed threads', help: 'Threads and categories you follow.' },
  NEW_THREAD: { label: 'New threads in followed categories', help: 'A question asked where you follow.' },
  ANSWER_ACCEPTED: { label: 'Your answer accepted', help: 'The asker accepted your answer.' },
  STAFF_PICKED: { label: 'Staff picks', help: 'Staff picked your answer.' },
  ARTICLE_FROM_ANSWER: { label: 'Articles from your answers', help: 'Your answer became a knowledge article.' },
  BADGE_AWARDED: { label: 'Badges', help: 'You earned a badge.' },
  LEVEL_REACHED: { label: 'Levels', help: 'Your reputation reached a new level.' },
  POST_MODERATED: { label: 'Moderation of your posts', help: 'Your post was hidden, removed or restored.' },
  FLAG_RESOLVED: { label: 'Your flags', help: 'Moderators decided on a post you flagged.' },
  SANCTION: { label: 'Account standing', help: 'You were silenced or suspended, or it ended.' },
  QUESTION_ROUTED: {
    label: 'Questions you may be able to answer',
    help: 'A new question in the tags and categories where your answers were accepted lately.',
  },
  WEBHOOK_DISABLED: {
    label: 'Webhook endpoints disabled',
    help: 'Administrators: an endpoint stopped receiving events after a 410 or days of failures.',
  },
};

export const EMAIL_MODES = [
  { value: 'IMMEDIATELY', label: 'Immediately' },
  { value: 'DAILY_DIGEST', label: 'Daily digest' },
  { value: 'NEVER', label: 'Never' },
] as const;
