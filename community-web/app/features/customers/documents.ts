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
        influence {
          score
          membersWithInfluence
          explanation
          member {
            handle
          }
          parts {
            name
            value
            weight
            explanation
          }
        }
        sentiment {
          score
          label
          sampleSize
          since
          cues {
            cue
            count
          }
          trend {
            direction
            recentScore
            olderScore
            change
            postsPerHalf
          }
        }
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

/** Staff with the customer permission: links a member to a customer by hand. */
export const LinkCustomerMutation = graphql(`
  mutation LinkCustomer($input: CustomerLinkInput!) {
    linkCustomer(input: $input) {
      customer {
        id
      }
      member {
        handle
      }
    }
  }
`);

/** A member's id by handle (staff type a handle to link). */
export const MemberIdQuery = graphql(`
  query MemberIdByHandle($handle: String!) {
    member(handle: $handle) {
      id
      handle
      role
    }
  }
`);

/** The customer list (search, keyset pages) and the members whose email two or more customers share. */
export const CustomersQuery = graphql(`
  query StaffCustomers($search: String, $after: String) {
    customers(search: $search, first: 25, after: $after) {
      edges {
        node {
          id
          externalId
          name
          company
          segment
          emails
          members {
            id
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    ambiguousCustomerMatches(first: 25) {
      edges {
        node {
          email
          member {
            id
            handle
          }
          customers {
            id
            externalId
            name
            company
          }
        }
      }
    }
  }
`);

/** Administrators: the moderators granted customer access. */
export const CustomerAccessGrantsQuery = graphql(`
  query CustomerAccessGrants {
    customerAccessGrants {
      grantedAt
      member {
        id
        handle
      }
      grantedBy {
        handle
      }
    }
  }
`);

export const GrantCustomerAccessMutation = graphql(`
  mutation GrantCustomerAccess($memberId: ID!) {
    grantCustomerAccess(memberId: $memberId)
  }
`);

export const RevokeCustomerAccessMutation = graphql(`
  mutation RevokeCustomerAccess($memberId: ID!) {
    revokeCustomerAccess(memberId: $memberId)
  }
`);
