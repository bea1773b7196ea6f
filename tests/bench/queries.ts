/** The thread page as the web app asks for it (trimmed to what the baseline returns too). */
export const THREAD_PAGE = `query ThreadPage($id: ID!) {
  thread(id: $id) {
    id title status tags score viewCount replyCount createdAt
    author { handle }
    category { name slug }
    question { id bodyHtml score author { handle } }
    acceptedAnswer { id bodyHtml score author { handle } }
    replies(first: 30) {
      edges { node { id bodyHtml score isAccepted createdAt author { id handle } } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

export const THREAD_LIST = `query Threads($after: String) {
  threads(first: 20, after: $after, order: LATEST) {
    edges { node { id title score replyCount lastActivityAt author { handle } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const VOTE = `mutation Vote($input: VoteInput!) { vote(input: $input) { id score viewerVote } }`;

export const LEADERBOARD = `query Leaderboard($period: LeaderboardPeriod!, $categoryId: ID, $ranking: LeaderboardRanking) {
  leaderboard(period: $period, categoryId: $categoryId, ranking: $ranking, first: 20) {
    rank points accepted member { handle reputation level { name } isAdvocate }
  }
}`;

export const SEARCH = `query Search($query: String!, $filter: SearchFilterInput, $sort: SearchSort) {
  search(query: $query, filter: $filter, sort: $sort, first: 20) {
    edges { node { kind title snippetHtml url createdAt } }
    pageInfo { hasNextPage endCursor }
    total { value exact }
    degraded engine
  }
}`;

export const SIMILAR = `query Similar($title: String!) {
  similarQuestions(title: $title, first: 5) { kind title url }
}`;

export const ARTICLE_PAGE = `query ArticlePage($id: ID!) {
  article(id: $id) {
    id title issueHtml environmentHtml resolutionHtml causeHtml state needsReview tags reviewBy
    helpfulCount notHelpfulCount viewCount publishedAt
    category { name slug } sourceThread { id title } contributors { role member { handle } }
  }
}`;

/** The review queue page as /moderation/review asks for it. */
export const REVIEW_QUEUE = `query ReviewQueue($after: String) {
  reviewQueueStats { open oldestWaitingSeconds handledToday projectedClearSeconds
    byAge { bucket count } handledPerReviewer { reviewer { handle } count } }
  reviewQueue(first: 20, after: $after) {
    edges { node { id kind status staffOnly createdAt claimExpiresAt claimedBy { handle }
      post { id body isQuestion isHidden thread { id title } }
      author { handle }
      history { accountAge previousFlags previousFlagsAgreed }
      flags { id reason note flagger { handle } createdAt } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** The audit log page as /moderation/audit asks for it. */
export const AUDIT_LOG = `query AuditLog($filter: AuditLogFilterInput, $after: String) {
  auditLog(filter: $filter, first: 30, after: $after) {
    edges { node { id name subject actorType actorLabel actor { handle } data before after reason occurredAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** A CRM's batch upsert (a service token with customers:write). */
export const UPSERT_CUSTOMERS = `mutation UpsertCustomers($records: [CustomerInput!]!) {
  upsertCustomers(records: $records) { results { index externalId status customerId error } }
}`;

/** The customer 360 view as /staff/customers/:id asks for it (CustomerViewQuery in the web app). */
export const CUSTOMER_VIEW = `query CustomerView($id: ID!, $after: String) {
  customer(id: $id) {
    id externalId name company segment lifetimeValueCents currency emails socialHandles
    consent { email analytics }
    crmUpdatedAt
    products { sku name version }
    memberLinks { how linkedAt member { id handle avatarUrl role isAdvocate } linkedBy { handle } }
    timeline(first: 25, after: $after) {
      edges { node { id kind occurredAt threadId postId articleId title threadStatus badgeName sanctionKind detail
                     member { handle } } }
      pageInfo { hasNextPage endCursor }
    }
    signals { openIssues { unresolvedQuestions oldestWaitingSince threads { id title createdAt replyCount } } }
  }
}`;
