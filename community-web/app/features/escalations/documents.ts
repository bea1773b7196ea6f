import { graphql } from '../../graphql/generated';

/** A row of the staff queue: the thread, why, where it stands, its priority (explained), SLA, customer, case. */
export const EscalationRowFields = graphql(`
  fragment EscalationRowFields on Escalation {
    id
    reason
    status
    priority
    priorityExplanation
    slaDueAt
    slaBreached
    caseId
    createdAt
    thread {
      id
      title
    }
    customer {
      id
      name
      segment
    }
  }
`);

/** The staff queue, in the API's order (advocates first, then priority), filtered by status and breach. */
export const EscalationQueueQuery = graphql(`
  query EscalationQueue($filter: EscalationFilter, $after: String) {
    escalations(filter: $filter, first: 25, after: $after) {
      edges {
        node {
          ...EscalationRowFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** One escalation for the agent: the question, the customer, priority parts, SLA, case, known answers. */
export const EscalationPageQuery = graphql(`
  query EscalationPage($id: ID!) {
    escalation(id: $id) {
      id
      reason
      status
      priority
      priorityExplanation
      priorityParts {
        name
        points
        detail
      }
      slaDueAt
      slaBreached
      caseId
      caseUrl
      caseStatus
      resolution
      note
      createdAt
      updatedAt
      requestedBy {
        handle
      }
      resolutionPost {
        id
      }
      thread {
        id
        title
        status
        createdAt
        replyCount
        question {
          body
          author {
            handle
          }
        }
      }
      customer {
        id
        name
        company
        segment
        lifetimeValueCents
        currency
      }
      similar(first: 6) {
        kind
        title
        url
        snippetHtml
        thread {
          id
          status
        }
      }
    }
  }
`);

export const SetEscalationStatusMutation = graphql(`
  mutation SetEscalationStatus($input: SetEscalationStatusInput!) {
    setEscalationStatus(input: $input) {
      id
      status
    }
  }
`);

export const PostEscalationResolutionMutation = graphql(`
  mutation PostEscalationResolution($input: PostEscalationResolutionInput!) {
    postEscalationResolution(input: $input) {
      id
      resolutionPost {
        id
      }
    }
  }
`);

/** "Needs staff" on a thread: its asker, an advocate or staff, with an optional reason. */
export const EscalateThreadMutation = graphql(`
  mutation EscalateThread($input: EscalateThreadInput!) {
    escalateThread(input: $input) {
      id
      status
    }
  }
`);
