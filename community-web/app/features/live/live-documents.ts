import { graphql } from '../../graphql/generated';

/** What the web app's live stream listens to on the API (ids only: the page reloads its data). */
export const ThreadActivitySubscription = graphql(`
  subscription ThreadActivity($threadId: ID!, $after: ID) {
    threadActivity(threadId: $threadId, after: $after) {
      eventId
      kind
      postId
    }
  }
`);

export const NotificationAddedSubscription = graphql(`
  subscription NotificationAdded($after: ID) {
    notificationAdded(after: $after) {
      id
      message
    }
  }
`);
