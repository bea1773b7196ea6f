import { graphql } from '../../graphql/generated';

export const NotificationsQuery = graphql(`
  query NotificationsPage($first: Int, $after: String, $unreadOnly: Boolean) {
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      edges {
        node {
          id
          kind
          readAt
          createdAt
          message
          path
          actor {
            handle
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    unreadNotificationCount
  }
`);

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids) {
      marked
      unreadNotificationCount
    }
  }
`);

export const NotificationPreferencesQuery = graphql(`
  query NotificationPreferences {
    notificationPreferences {
      kind
      email
      isDefault
      enabled
      canTurnOff
    }
  }
`);

export const SetNotificationPreferencesMutation = graphql(`
  mutation SetNotificationPreferences($input: SetNotificationPreferencesInput!) {
    setNotificationPreferences(input: $input) {
      kind
      email
      enabled
    }
  }
`);

export const FollowThreadMutation = graphql(`
  mutation FollowThread($id: ID!) {
    followThread(threadId: $id) {
      thread {
        id
        viewerWatch
      }
    }
  }
`);
export const MuteThreadMutation = graphql(`
  mutation MuteThread($id: ID!) {
    muteThread(threadId: $id) {
      thread {
        id
        viewerWatch
      }
    }
  }
`);
export const UnwatchThreadMutation = graphql(`
  mutation UnwatchThread($id: ID!) {
    unwatchThread(threadId: $id) {
      thread {
        id
        viewerWatch
      }
    }
  }
`);
export const FollowCategoryMutation = graphql(`
  mutation FollowCategory($id: ID!) {
    followCategory(categoryId: $id) {
      category {
        id
        viewerWatch
      }
    }
  }
`);
export const MuteCategoryMutation = graphql(`
  mutation MuteCategory($id: ID!) {
    muteCategory(categoryId: $id) {
      category {
        id
        viewerWatch
      }
    }
  }
`);
export const UnwatchCategoryMutation = graphql(`
  mutation UnwatchCategory($id: ID!) {
    unwatchCategory(categoryId: $id) {
      category {
        id
        viewerWatch
      }
    }
  }
`);
