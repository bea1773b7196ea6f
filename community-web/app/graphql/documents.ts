import { graphql } from './generated';

export const ViewerQuery = graphql(`
  query Viewer {
    me {
      id
      handle
      role
    }
  }
`);

export const HomeQuery = graphql(`
  query Home {
    categories {
      id
      slug
      name
      description
      kind
      threadCount
    }
    threads(first: 20, order: LATEST) {
      ...ThreadList
    }
  }
`);

export const ThreadListFragment = graphql(`
  fragment ThreadList on ThreadConnection {
    edges {
      node {
        id
        title
        status
        tags
        score
        replyCount
        viewCount
        lastActivityAt
        createdAt
        author {
          handle
        }
        category {
          slug
          name
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
`);

export const CategoryQuery = graphql(`
  query CategoryPage($slug: String!, $first: Int, $after: String, $filter: ThreadFilterInput, $order: ThreadOrder) {
    category(slug: $slug) {
      id
      slug
      name
      description
      kind
      threadCount
    }
    threads(first: $first, after: $after, filter: $filter, order: $order) {
      ...ThreadList
    }
  }
`);

export const ThreadQuery = graphql(`
  query ThreadPage($id: ID!, $after: String) {
    thread(id: $id) {
      id
      title
      status
      tags
      score
      viewCount
      replyCount
      createdAt
      lastActivityAt
      author {
        handle
      }
      category {
        slug
        name
      }
      viewerCan {
        reply
        accept
        moderate
      }
      question {
        ...PostView
      }
      acceptedAnswer {
        ...PostView
      }
      replies(first: 30, after: $after) {
        edges {
          node {
            ...PostView
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const PostViewFragment = graphql(`
  fragment PostView on Post {
    id
    body
    bodyHtml
    score
    viewerVote
    isAccepted
    isQuestion
    createdAt
    editedAt
    author {
      handle
      role
    }
    revisions {
      revision
    }
    viewerCan {
      vote
      edit
      delete
      accept
    }
  }
`);

export const RecordViewMutation = graphql(`
  mutation RecordView($threadId: ID!) {
    recordThreadView(threadId: $threadId)
  }
`);

export const AskCategoriesQuery = graphql(`
  query AskCategories {
    categories {
      id
      slug
      name
      kind
    }
    me {
      id
      role
    }
  }
`);

export const AskQuestionMutation = graphql(`
  mutation AskQuestion($input: AskQuestionInput!) {
    askQuestion(input: $input) {
      id
    }
  }
`);

export const PostReplyMutation = graphql(`
  mutation PostReply($input: PostReplyInput!) {
    postReply(input: $input) {
      id
    }
  }
`);

export const VoteMutation = graphql(`
  mutation Vote($input: VoteInput!) {
    vote(input: $input) {
      id
      score
      viewerVote
    }
  }
`);

export const AcceptMutation = graphql(`
  mutation Accept($postId: ID!) {
    acceptAnswer(postId: $postId) {
      id
      status
    }
  }
`);

export const UnacceptMutation = graphql(`
  mutation Unaccept($threadId: ID!) {
    unacceptAnswer(threadId: $threadId) {
      id
      status
    }
  }
`);

export const EditPostMutation = graphql(`
  mutation EditPost($input: EditPostInput!) {
    editPost(input: $input) {
      id
    }
  }
`);

export const DeletePostMutation = graphql(`
  mutation DeletePost($postId: ID!) {
    deletePost(postId: $postId)
  }
`);

export const SetStatusMutation = graphql(`
  mutation SetStatus($input: SetThreadStatusInput!) {
    setThreadStatus(input: $input) {
      id
      status
    }
  }
`);

export const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      token
      member {
        handle
      }
    }
  }
`);

export const RegisterMutation = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      token
      member {
        handle
      }
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

export const MemberQuery = graphql(`
  query MemberPage($handle: String!, $after: String) {
    member(handle: $handle) {
      id
      handle
      role
      createdAt
    }
    threads(first: 20, after: $after, filter: { authorHandle: $handle }, order: NEWEST) {
      ...ThreadList
    }
  }
`);
