import { graphql } from './generated';

export const ViewerQuery = graphql(`
  query Viewer {
    me {
      id
      handle
      avatarUrl(size: 64)
      role
      emailVerified
      isAdvocate
      privileges {
        held {
          key
        }
      }
      sanction {
        kind
        until
        reason
      }
    }
    unreadNotificationCount
  }
`);

export const HomeQuery = graphql(`
  query Home($after: String) {
    categories {
      id
      slug
      name
      description
      kind
      threadCount
    }
    threads(first: 20, after: $after, order: LATEST) {
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
        pinnedScope
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
      viewerWatch
    }
    threads(first: $first, after: $after, filter: $filter, order: $order) {
      ...ThreadList
    }
  }
`);

export const ThreadQuery = graphql(`
  query ThreadPage($id: ID!, $after: String) {
    categories {
      id
      name
    }
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
      closeReason
      closeNote
      pinnedScope
      duplicateOf {
        id
        title
      }
      mergedInto {
        id
        title
      }
      category {
        id
        slug
        name
      }
      viewerCan {
        reply
        accept
        moderate
        close
        move
        merge
        pin
      }
      viewerWatch
      routedTo {
        member {
          handle
        }
        reason
      }
      article {
        id
        title
        state
      }
      escalation {
        id
        status
        caseStatus
        createdAt
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
    staffPickedAt
    isHidden
    hiddenNotice
    viewerFlag {
      reason
    }
    author {
      handle
      avatarUrl(size: 64)
      role
      isAdvocate
      level {
        name
      }
      badgeCounts {
        gold
        silver
        bronze
      }
    }
    revisions {
      revision
    }
    viewerCan {
      vote
      upvote {
        allowed
        reason
      }
      downvote {
        allowed
        reason
      }
      edit
      delete
      accept
      remove
      staffPick
      hide
      flag {
        allowed
        reason
      }
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

export const RemovePostMutation = graphql(`
  mutation RemovePost($input: RemovePostInput!) {
    removePost(input: $input)
  }
`);

export const RestorePostMutation = graphql(`
  mutation RestorePost($postId: ID!) {
    restorePost(postId: $postId) {
      id
      thread {
        id
      }
    }
  }
`);

export const StaffPickMutation = graphql(`
  mutation StaffPick($postId: ID!) {
    staffPick(postId: $postId) {
      id
    }
  }
`);

export const WithdrawStaffPickMutation = graphql(`
  mutation WithdrawStaffPick($postId: ID!) {
    withdrawStaffPick(postId: $postId) {
      id
    }
  }
`);

export const RemovedPostsQuery = graphql(`
  query RemovedPosts($after: String) {
    removedPosts(first: 25, after: $after) {
      edges {
        node {
          id
          isQuestion
          bodyHtml
          createdAt
          author {
            handle
          }
          thread {
            id
            title
          }
          removal {
            at
            reason
            by {
              handle
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
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
  query MemberPage(
    $handle: String!
    $after: String
    $questionsAfter: String
    $solutionsAfter: String
    $articlesAfter: String
  ) {
    member(handle: $handle) {
      id
      handle
      avatarUrl(size: 256)
      role
      createdAt
      reputation
      isAdvocate
      advocateCategories {
        id
        name
        slug
      }
      level {
        name
        min
        next
        progress
      }
      badges {
        badge {
          key
          name
          description
          tier
          perPost
        }
        count
        reason
        postId
        firstAwardedAt
        lastAwardedAt
      }
      badgeCounts {
        ...BadgeCountsView
      }
      privileges {
        held {
          ...PrivilegeView
        }
        next {
          ...PrivilegeView
        }
      }
      reputationHistory(first: 20, after: $after) {
        edges {
          node {
            id
            kind
            points
            uncappedPoints
            postId
            threadId
            reason
            createdAt
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
      acceptedAnswers(first: 10, after: $solutionsAfter) {
        edges {
          node {
            id
            acceptedAt
            score
            thread {
              id
              title
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
      knowledgeArticles(first: 10, after: $articlesAfter) {
        edges {
          node {
            id
            title
            publishedAt
            helpfulCount
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
    threads(first: 20, after: $questionsAfter, filter: { authorHandle: $handle }, order: NEWEST) {
      ...ThreadList
    }
    categories {
      id
      name
    }
  }
`);

export const BadgeCountsFragment = graphql(`
  fragment BadgeCountsView on BadgeCounts {
    gold
    silver
    bronze
  }
`);

export const PrivilegeFragment = graphql(`
  fragment PrivilegeView on Privilege {
    key
    label
    reputation
  }
`);

export const GrantAdvocateMutation = graphql(`
  mutation GrantAdvocate($input: GrantAdvocateInput!) {
    grantAdvocate(input: $input) {
      id
      isAdvocate
      advocateCategories {
        id
      }
    }
  }
`);

export const RevokeAdvocateMutation = graphql(`
  mutation RevokeAdvocate($input: AdvocateInput!) {
    revokeAdvocate(input: $input) {
      id
      isAdvocate
    }
  }
`);

export const LeaderboardQuery = graphql(`
  query Leaderboard($period: LeaderboardPeriod!, $categoryId: ID, $ranking: LeaderboardRanking!) {
    leaderboard(period: $period, categoryId: $categoryId, ranking: $ranking, first: 50) {
      rank
      points
      accepted
      member {
        handle
        avatarUrl(size: 64)
        reputation
        isAdvocate
        level {
          name
        }
      }
    }
    categories {
      id
      name
    }
  }
`);

export const BadgesQuery = graphql(`
  query Badges {
    badges {
      key
      name
      description
      tier
      perPost
      awardable
      holders
    }
  }
`);
