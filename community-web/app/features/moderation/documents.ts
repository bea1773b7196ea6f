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

/** One review item as the queue shows it. */
export const ReviewItemViewFragment = graphql(`
  fragment ReviewItemView on ReviewItem {
    id
    kind
    status
    staffOnly
    createdAt
    claimExpiresAt
    claimedBy {
      handle
    }
    agreedAt
    agreedBy {
      handle
    }
    article {
      id
      title
    }
    reports {
      id
      reason
      note
      reporter {
        handle
      }
    }
    post {
      id
      body
      isQuestion
      isHidden
      thread {
        id
        title
      }
    }
    author {
      handle
    }
    history {
      accountAge
      previousFlags
      previousFlagsAgreed
      previousFlagsDisagreed
      sanctions {
        id
        kind
        reason
        startsAt
        until
        liftedAt
      }
    }
    flags {
      id
      reason
      note
      flagger {
        handle
      }
      createdAt
    }
  }
`);

/** Staff's view of a member: the sanction in force, past sanctions and private notes. */
export const MemberModerationQuery = graphql(`
  query MemberModeration($handle: String!) {
    member(handle: $handle) {
      id
      sanction {
        id
        kind
        until
        reason
      }
      sanctionHistory(first: 10) {
        edges {
          node {
            id
            kind
            reason
            startsAt
            until
            liftedAt
            imposedBy {
              handle
            }
            liftedBy {
              handle
            }
          }
        }
      }
      staffNotes(first: 50) {
        edges {
          node {
            id
            bodyHtml
            createdAt
            viewerCanDelete
            author {
              handle
            }
          }
        }
      }
    }
  }
`);

export const SilenceMemberMutation = graphql(`
  mutation SilenceMember($input: SanctionInput!) {
    silenceMember(input: $input) {
      sanction {
        id
      }
    }
  }
`);

export const SuspendMemberMutation = graphql(`
  mutation SuspendMember($input: SanctionInput!) {
    suspendMember(input: $input) {
      sanction {
        id
      }
    }
  }
`);

export const LiftSanctionMutation = graphql(`
  mutation LiftSanction($memberId: ID!) {
    liftSanction(memberId: $memberId) {
      lifted {
        id
      }
    }
  }
`);

export const AddStaffNoteMutation = graphql(`
  mutation AddStaffNote($input: AddStaffNoteInput!) {
    addStaffNote(input: $input) {
      note {
        id
      }
    }
  }
`);

export const DeleteStaffNoteMutation = graphql(`
  mutation DeleteStaffNote($id: ID!) {
    deleteStaffNote(id: $id) {
      deletedNoteId
    }
  }
`);
