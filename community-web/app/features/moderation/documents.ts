import { graphql } from '../../graphql/generated';

/** Flags, hiding and thread moderation from the thread page. */
export const FlagPostMutation = graphql(`
  mutation FlagPost($input: FlagPostInput!) {
    flagPost(input: $input) {
      post {
        id
        isHidden
      }
    }
  }
`);

export const HidePostMutation = graphql(`
  mutation HidePost($input: HidePostInput!) {
    hidePost(input: $input) {
      id
    }
  }
`);

export const UnhidePostMutation = graphql(`
  mutation UnhidePost($input: UnhidePostInput!) {
    unhidePost(input: $input) {
      id
    }
  }
`);

export const LockThreadMutation = graphql(`
  mutation LockThread($input: LockThreadInput!) {
    lockThread(input: $input) {
      thread {
        id
      }
    }
  }
`);

export const UnlockThreadMutation = graphql(`
  mutation UnlockThread($input: ThreadReasonInput!) {
    unlockThread(input: $input) {
      thread {
        id
      }
    }
  }
`);

export const CloseThreadMutation = graphql(`
  mutation CloseThread($input: CloseThreadInput!) {
    closeThread(input: $input) {
      thread {
        id
      }
    }
  }
`);

export const ReopenThreadMutation = graphql(`
  mutation ReopenThread($input: ThreadReasonInput!) {
    reopenThread(input: $input) {
      thread {
        id
      }
    }
  }
`);

export const MoveThreadMutation = graphql(`
  mutation MoveThread($input: MoveThreadInput!) {
    moveThread(input: $input) {
      thread {
        id
      }
    }
  }
`);

export const MergeThreadMutation = graphql(`
  mutation MergeThread($input: MergeThreadInput!) {
    mergeThread(input: $input) {
      into {
        id
      }
    }
  }
`);

export const PinThreadMutation = graphql(`
  mutation PinThread($input: PinThreadInput!) {
    pinThread(input: $input) {
      thread {
        id
      }
    }
  }
`);

export const UnpinThreadMutation = graphql(`
  mutation UnpinThread($threadId: ID!) {
    unpinThread(threadId: $threadId) {
      thread {
        id
      }
    }
  }
`);
