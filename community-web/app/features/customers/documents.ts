import { graphql } from '../../graphql/generated';

/** The customer a member is linked to: staff with the customer permission only (FORBIDDEN for anyone else). */
export const MemberCustomerQuery = graphql(`
  query MemberCustomer($handle: String!) {
    member(handle: $handle) {
      id
      customer {
        id
        externalId
        name
        company
      }
    }
  }
`);

/** The customer 360 view: the record, the linked members, a page of the timeline, open issues. */
export const CustomerViewQuery = graphql(`
  query CustomerView($id: ID!, $after: String) {
    customer(id: $id) {
      id
      externalId
      name
      company
      segment
      lifetimeValueCents
      currency
      emails
      socialHandles
      consent {
        email
        analytics
      }
      crmUpdatedAt
      products {
        sku
        name
        version
      }
      memberLinks {
        how
        linkedAt
        member {
          id
          handle
          avatarUrl
          role
          isAdvocate
        }
        linkedBy {
          handle
        }
      }
      timeline(first: 25, after: $after) {
        edges {
          node {
            id
            kind
            occurredAt
            threadId
            postId
            articleId
            title
            threadStatus
            badgeName
            sanctionKind
            detail
            member {
              handle
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
      signals {
        openIssues {
          unresolvedQuestions
          oldestWaitingSince
          threads {
            id
            title
            createdAt
            replyCount
          }
        }
      }
    }
  }
`);

/** Staff with the customer permission: unlinks a member from the customer. */
export const UnlinkCustomerMutation = graphql(`
  mutation UnlinkCustomer($input: CustomerLinkInput!) {
    unlinkCustomer(input: $input) {
      customer {
        id
      }
    }
  }
`);
