import { graphql } from '../../graphql/generated';

/** A hit as the search page, the related list and the ask form's suggestions show it. */
export const SearchHitFields = graphql(`
  fragment SearchHitFields on SearchHit {
    kind
    title
    snippetHtml
    url
    createdAt
    thread {
      id
      status
    }
  }
`);

export const SearchPageQuery = graphql(`
  query SearchPage($query: String!, $filter: SearchFilterInput, $sort: SearchSort!, $after: String) {
    search(query: $query, filter: $filter, sort: $sort, first: 20, after: $after) {
      edges {
        cursor
        node {
          ...SearchHitFields
          member {
            handle
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      total {
        value
        exact
      }
      degraded
      engine
    }
  }
`);

export const SearchCategoriesQuery = graphql(`
  query SearchCategories {
    categories {
      id
      name
    }
  }
`);

/** Related content beside a thread (fetched beside the thread's own query, never failing it). */
export const ArticleRelatedQuery = graphql(`
  query ArticleRelated($id: ID!) {
    article(id: $id) {
      id
      related(first: 5) {
        ...SearchHitFields
      }
    }
  }
`);

export const ThreadRelatedQuery = graphql(`
  query ThreadRelated($id: ID!) {
    thread(id: $id) {
      id
      related(first: 5) {
        ...SearchHitFields
      }
    }
  }
`);
