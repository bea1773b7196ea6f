import { graphql } from '../../graphql/generated';

export const PreviewMarkdownQuery = graphql(`
  query PreviewMarkdown($body: String!) {
    previewMarkdown(body: $body)
  }
`);

export const TagSuggestionsQuery = graphql(`
  query TagSuggestions($prefix: String!) {
    tagSuggestions(prefix: $prefix, first: 8) {
      tags {
        name
        threadCount
      }
      newTag {
        name
        allowed
        reason
        reputationNeeded
      }
    }
  }
`);

export const MemberSuggestionsQuery = graphql(`
  query MemberSuggestions($prefix: String!) {
    memberSuggestions(prefix: $prefix, first: 6) {
      id
      handle
      reputation
    }
  }
`);
