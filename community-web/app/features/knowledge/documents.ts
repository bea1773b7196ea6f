import { graphql } from '../../graphql/generated';

/** The knowledge base's operations: the list, the article page, the editor and the staff queue. */

export const ArticleRowFragment = graphql(`
  fragment ArticleRow on Article {
    id
    title
    issue
    state
    tags
    helpfulCount
    needsReview
    needsReviewReason
    hasStagedVersion
    publishedAt
    verifiedAt
    updatedAt
    createdAt
    category {
      id
      slug
      name
    }
    sourceThread {
      id
      title
    }
  }
`);

export const KnowledgeHomeQuery = graphql(`
  query KnowledgeHome($filter: ArticleFilterInput, $after: String) {
    categories {
      id
      name
    }
    articles(filter: $filter, first: 20, after: $after) {
      edges {
        node {
          ...ArticleRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const ArticleQuery = graphql(`
  query ArticlePage($id: ID!) {
    article(id: $id) {
      id
      title
      state
      issue
      issueHtml
      environmentHtml
      resolutionHtml
      causeHtml
      tags
      category {
        id
        slug
        name
      }
      sourceThread {
        id
        title
      }
      contributors {
        role
        member {
          handle
        }
      }
      needsReview
      needsReviewReason
      needsReviewDiff
      hasStagedVersion
      currentVersion
      publishedVersion
      publishedAt
      verifiedAt
      verifiedBy {
        handle
      }
      archivedAt
      archiveReason
      reviewBy
      createdAt
      updatedAt
      helpfulCount
      notHelpfulCount
      viewerRating
      viewCount
      versions {
        number
        author {
          handle
        }
        createdAt
        changed
        note
      }
      viewerCan {
        edit
        submit
        publish
        archive
        verify
        rate
        review
      }
    }
  }
`);

export const ArticleDiffQuery = graphql(`
  query ArticleDiff($id: ID!, $from: Int!, $to: Int!) {
    article(id: $id) {
      id
      diff(from: $from, to: $to) {
        field
        diff
      }
    }
  }
`);

export const ArticleEditQuery = graphql(`
  query ArticleEdit($id: ID!) {
    article(id: $id) {
      id
      title
      state
      hasStagedVersion
      currentVersion
      reviewBy
      versions {
        number
        title
        issue
        environment
        resolution
        cause
        tags
      }
      viewerCan {
        edit
      }
    }
  }
`);

export const ReviewQueueQuery = graphql(`
  query KnowledgeQueue($after: String) {
    articleReviewQueue(first: 30, after: $after) {
      edges {
        node {
          ...ArticleRow
          queuedAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const RecordArticleViewMutation = graphql(`
  mutation RecordArticleView($articleId: ID!) {
    recordArticleView(articleId: $articleId)
  }
`);

export const RateArticleMutation = graphql(`
  mutation RateArticle($input: RateArticleInput!) {
    rateArticle(input: $input) {
      id
      helpfulCount
      notHelpfulCount
    }
  }
`);

export const UpdateArticleMutation = graphql(`
  mutation UpdateArticle($input: UpdateArticleInput!) {
    updateArticle(input: $input) {
      id
      hasStagedVersion
    }
  }
`);

export const CreateArticleMutation = graphql(`
  mutation CreateArticle($input: CreateArticleInput!) {
    createArticle(input: $input) {
      id
    }
  }
`);

export const SubmitArticleMutation = graphql(`
  mutation SubmitArticle($articleId: ID!) {
    submitArticle(articleId: $articleId) {
      id
      state
    }
  }
`);

export const PublishArticleMutation = graphql(`
  mutation PublishArticle($articleId: ID!) {
    publishArticle(articleId: $articleId) {
      id
      state
    }
  }
`);

export const VerifyArticleMutation = graphql(`
  mutation VerifyArticle($articleId: ID!) {
    verifyArticle(articleId: $articleId) {
      id
      needsReview
    }
  }
`);

export const ArchiveArticleMutation = graphql(`
  mutation ArchiveArticle($input: ArchiveArticleInput!) {
    archiveArticle(input: $input) {
      id
      state
    }
  }
`);
