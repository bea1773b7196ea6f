import { graphql } from '../../graphql/generated';

/** A post's edit history: every revision, newest first (the API leaves out what the viewer may not read). */
export const PostHistoryQuery = graphql(`
  query PostHistory($id: ID!) {
    post(id: $id) {
      id
      isQuestion
      thread {
        id
        title
      }
      revisions {
        id
        revision
        title
        tags
        body
        reason
        createdAt
        editor {
          handle
          avatarUrl(size: 64)
        }
      }
    }
  }
`);
