import { graphql } from '../../graphql/generated';

export const HiddenInfluencersQuery = graphql(`
  query HiddenInfluencers($first: Int) {
    hiddenInfluencers(first: $first) {
      member {
        id
        handle
        reputation
      }
      rank
      outOf
      why
      nominatedAt
      influence {
        score
        computedAt
        parts {
          name
          value
          weight
          explanation
        }
      }
    }
  }
`);

export const NominateAdvocateMutation = graphql(`
  mutation NominateAdvocate($memberId: ID!) {
    nominateAdvocate(memberId: $memberId) {
      id
      createdAt
    }
  }
`);
