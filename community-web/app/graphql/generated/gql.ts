/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query MyAvatar {\n    me {\n      id\n      handle\n      avatarUrl(size: 256)\n      hasUploadedAvatar\n    }\n  }\n": typeof types.MyAvatarDocument,
    "\n  mutation RemoveAvatar {\n    removeAvatar {\n      member {\n        id\n        handle\n      }\n    }\n  }\n": typeof types.RemoveAvatarDocument,
    "\n  query PreviewMarkdown($body: String!) {\n    previewMarkdown(body: $body)\n  }\n": typeof types.PreviewMarkdownDocument,
    "\n  query TagSuggestions($prefix: String!) {\n    tagSuggestions(prefix: $prefix, first: 8) {\n      tags {\n        name\n        threadCount\n      }\n      newTag {\n        name\n        allowed\n        reason\n        reputationNeeded\n      }\n    }\n  }\n": typeof types.TagSuggestionsDocument,
    "\n  query MemberSuggestions($prefix: String!) {\n    memberSuggestions(prefix: $prefix, first: 6) {\n      id\n      handle\n      reputation\n    }\n  }\n": typeof types.MemberSuggestionsDocument,
    "\n  query MemberCustomer($handle: String!) {\n    member(handle: $handle) {\n      id\n      customer {\n        id\n        externalId\n        name\n        company\n      }\n    }\n  }\n": typeof types.MemberCustomerDocument,
    "\n  query CustomerView($id: ID!, $after: String) {\n    customer(id: $id) {\n      id\n      externalId\n      name\n      company\n      segment\n      lifetimeValueCents\n      currency\n      emails\n      socialHandles\n      consent {\n        email\n        analytics\n      }\n      crmUpdatedAt\n      products {\n        sku\n        name\n        version\n      }\n      memberLinks {\n        how\n        linkedAt\n        member {\n          id\n          handle\n          avatarUrl\n          role\n          isAdvocate\n        }\n        linkedBy {\n          handle\n        }\n      }\n      timeline(first: 25, after: $after) {\n        edges {\n          node {\n            id\n            kind\n            occurredAt\n            threadId\n            postId\n            articleId\n            title\n            threadStatus\n            badgeName\n            sanctionKind\n            detail\n            member {\n              handle\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      signals {\n        openIssues {\n          unresolvedQuestions\n          oldestWaitingSince\n          threads {\n            id\n            title\n            createdAt\n            replyCount\n          }\n        }\n      }\n    }\n  }\n": typeof types.CustomerViewDocument,
    "\n  mutation UnlinkCustomer($input: CustomerLinkInput!) {\n    unlinkCustomer(input: $input) {\n      customer {\n        id\n      }\n    }\n  }\n": typeof types.UnlinkCustomerDocument,
    "\n  query SimilarQuestions($title: String!, $body: String) {\n    similarQuestions(title: $title, body: $body, first: 5) {\n      ...SearchHitFields\n    }\n  }\n": typeof types.SimilarQuestionsDocument,
    "\n  mutation RecordSuggestionsShown($sessionId: String!, $suggestions: [SuggestionInput!]!) {\n    recordSuggestionsShown(sessionId: $sessionId, suggestions: $suggestions)\n  }\n": typeof types.RecordSuggestionsShownDocument,
    "\n  mutation RecordSuggestionClicked($sessionId: String!, $suggestion: SuggestionInput!) {\n    recordSuggestionClicked(sessionId: $sessionId, suggestion: $suggestion)\n  }\n": typeof types.RecordSuggestionClickedDocument,
    "\n  mutation RecordQuestionAsked($sessionId: String!, $threadId: ID!) {\n    recordQuestionAsked(sessionId: $sessionId, threadId: $threadId)\n  }\n": typeof types.RecordQuestionAskedDocument,
    "\n  query DeflectionStats($days: Int!) {\n    deflectionStats(days: $days, top: 20) {\n      sessions\n      asked\n      deflectedSessions\n      shown\n      clicked\n      deflected\n      failed\n      potential\n      pending\n      targets {\n        kind\n        shown\n        clicked\n        deflected\n        failed\n        potential\n        pending\n        article {\n          id\n          title\n        }\n        thread {\n          id\n          title\n        }\n      }\n    }\n  }\n": typeof types.DeflectionStatsDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n": typeof types.VerifyEmailDocument,
    "\n  mutation ResendVerificationEmail {\n    resendVerificationEmail\n  }\n": typeof types.ResendVerificationEmailDocument,
    "\n  query EmailUnsubscribeLink($token: String!) {\n    emailUnsubscribeLink(token: $token) {\n      handle\n      digest\n      kinds\n      labels\n    }\n  }\n": typeof types.EmailUnsubscribeLinkDocument,
    "\n  mutation UnsubscribeFromEmails($token: String!) {\n    unsubscribeFromEmails(token: $token) {\n      handle\n      digest\n      kinds\n      labels\n    }\n  }\n": typeof types.UnsubscribeFromEmailsDocument,
    "\n  query HiddenInfluencers($first: Int) {\n    hiddenInfluencers(first: $first) {\n      member {\n        id\n        handle\n        reputation\n      }\n      rank\n      outOf\n      why\n      nominatedAt\n      influence {\n        score\n        computedAt\n        parts {\n          name\n          value\n          weight\n          explanation\n        }\n      }\n    }\n  }\n": typeof types.HiddenInfluencersDocument,
    "\n  mutation NominateAdvocate($memberId: ID!) {\n    nominateAdvocate(memberId: $memberId) {\n      id\n      createdAt\n    }\n  }\n": typeof types.NominateAdvocateDocument,
    "\n  fragment ArticleRow on Article {\n    id\n    title\n    issue\n    state\n    tags\n    helpfulCount\n    needsReview\n    needsReviewReason\n    hasStagedVersion\n    publishedAt\n    verifiedAt\n    updatedAt\n    createdAt\n    category {\n      id\n      slug\n      name\n    }\n    sourceThread {\n      id\n      title\n    }\n  }\n": typeof types.ArticleRowFragmentDoc,
    "\n  query KnowledgeHome($filter: ArticleFilterInput, $after: String) {\n    categories {\n      id\n      name\n    }\n    articles(filter: $filter, first: 20, after: $after) {\n      edges {\n        node {\n          ...ArticleRow\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.KnowledgeHomeDocument,
    "\n  query ArticlePage($id: ID!) {\n    article(id: $id) {\n      id\n      title\n      state\n      issue\n      issueHtml\n      environmentHtml\n      resolutionHtml\n      causeHtml\n      tags\n      category {\n        id\n        slug\n        name\n      }\n      sourceThread {\n        id\n        title\n      }\n      contributors {\n        role\n        member {\n          handle\n        }\n      }\n      needsReview\n      needsReviewReason\n      needsReviewDiff\n      hasStagedVersion\n      currentVersion\n      publishedVersion\n      publishedAt\n      verifiedAt\n      verifiedBy {\n        handle\n      }\n      archivedAt\n      archiveReason\n      reviewBy\n      createdAt\n      updatedAt\n      helpfulCount\n      notHelpfulCount\n      viewerRating\n      viewCount\n      versions {\n        number\n        author {\n          handle\n        }\n        createdAt\n        changed\n        note\n      }\n      viewerCan {\n        edit\n        submit\n        publish\n        archive\n        verify\n        rate\n        review\n      }\n    }\n  }\n": typeof types.ArticlePageDocument,
    "\n  query ArticleDiff($id: ID!, $from: Int!, $to: Int!) {\n    article(id: $id) {\n      id\n      diff(from: $from, to: $to) {\n        field\n        diff\n      }\n    }\n  }\n": typeof types.ArticleDiffDocument,
    "\n  query ArticleEdit($id: ID!) {\n    article(id: $id) {\n      id\n      title\n      state\n      hasStagedVersion\n      currentVersion\n      reviewBy\n      versions {\n        number\n        title\n        issue\n        environment\n        resolution\n        cause\n        tags\n      }\n      viewerCan {\n        edit\n      }\n    }\n  }\n": typeof types.ArticleEditDocument,
    "\n  query KnowledgeQueue($after: String) {\n    articleReviewQueue(first: 30, after: $after) {\n      edges {\n        node {\n          ...ArticleRow\n          queuedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.KnowledgeQueueDocument,
    "\n  mutation RecordArticleView($articleId: ID!) {\n    recordArticleView(articleId: $articleId)\n  }\n": typeof types.RecordArticleViewDocument,
    "\n  mutation RateArticle($input: RateArticleInput!) {\n    rateArticle(input: $input) {\n      id\n      helpfulCount\n      notHelpfulCount\n    }\n  }\n": typeof types.RateArticleDocument,
    "\n  mutation UpdateArticle($input: UpdateArticleInput!) {\n    updateArticle(input: $input) {\n      id\n      hasStagedVersion\n    }\n  }\n": typeof types.UpdateArticleDocument,
    "\n  mutation CreateArticle($input: CreateArticleInput!) {\n    createArticle(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateArticleDocument,
    "\n  mutation SubmitArticle($articleId: ID!) {\n    submitArticle(articleId: $articleId) {\n      id\n      state\n    }\n  }\n": typeof types.SubmitArticleDocument,
    "\n  mutation PublishArticle($articleId: ID!) {\n    publishArticle(articleId: $articleId) {\n      id\n      state\n    }\n  }\n": typeof types.PublishArticleDocument,
    "\n  mutation VerifyArticle($articleId: ID!) {\n    verifyArticle(articleId: $articleId) {\n      id\n      needsReview\n    }\n  }\n": typeof types.VerifyArticleDocument,
    "\n  mutation ArchiveArticle($input: ArchiveArticleInput!) {\n    archiveArticle(input: $input) {\n      id\n      state\n    }\n  }\n": typeof types.ArchiveArticleDocument,
    "\n  subscription ThreadActivity($threadId: ID!, $after: ID) {\n    threadActivity(threadId: $threadId, after: $after) {\n      eventId\n      kind\n      postId\n    }\n  }\n": typeof types.ThreadActivityDocument,
    "\n  subscription NotificationAdded($after: ID) {\n    notificationAdded(after: $after) {\n      id\n      message\n    }\n  }\n": typeof types.NotificationAddedDocument,
    "\n  mutation FlagPost($input: FlagPostInput!) {\n    flagPost(input: $input) {\n      post {\n        id\n        isHidden\n      }\n    }\n  }\n": typeof types.FlagPostDocument,
    "\n  mutation HidePost($input: HidePostInput!) {\n    hidePost(input: $input) {\n      id\n    }\n  }\n": typeof types.HidePostDocument,
    "\n  mutation UnhidePost($input: UnhidePostInput!) {\n    unhidePost(input: $input) {\n      id\n    }\n  }\n": typeof types.UnhidePostDocument,
    "\n  mutation LockThread($input: LockThreadInput!) {\n    lockThread(input: $input) {\n      thread {\n        id\n      }\n    }\n  }\n": typeof types.LockThreadDocument,
    "\n  mutation UnlockThread($input: ThreadReasonInput!) {\n    unlockThread(input: $input) {\n      thread {\n        id\n      }\n    }\n  }\n": typeof types.UnlockThreadDocument,
    "\n  mutation CloseThread($input: CloseThreadInput!) {\n    closeThread(input: $input) {\n      thread {\n        id\n      }\n    }\n  }\n": typeof types.CloseThreadDocument,
    "\n  mutation ReopenThread($input: ThreadReasonInput!) {\n    reopenThread(input: $input) {\n      thread {\n        id\n      }\n    }\n  }\n": typeof types.ReopenThreadDocument,
    "\n  mutation MoveThread($input: MoveThreadInput!) {\n    moveThread(input: $input) {\n      thread {\n        id\n      }\n    }\n  }\n": typeof types.MoveThreadDocument,
    "\n  mutation MergeThread($input: MergeThreadInput!) {\n    mergeThread(input: $input) {\n      into {\n        id\n      }\n    }\n  }\n": typeof types.MergeThreadDocument,
    "\n  mutation PinThread($input: PinThreadInput!) {\n    pinThread(input: $input) {\n      thread {\n        id\n      }\n    }\n  }\n": typeof types.PinThreadDocument,
    "\n  mutation UnpinThread($threadId: ID!) {\n    unpinThread(threadId: $threadId) {\n      thread {\n        id\n      }\n    }\n  }\n": typeof types.UnpinThreadDocument,
    "\n  fragment ReviewItemView on ReviewItem {\n    id\n    kind\n    status\n    staffOnly\n    createdAt\n    claimExpiresAt\n    claimedBy {\n      handle\n    }\n    agreedAt\n    agreedBy {\n      handle\n    }\n    article {\n      id\n      title\n    }\n    reports {\n      id\n      reason\n      note\n      reporter {\n        handle\n      }\n    }\n    post {\n      id\n      body\n      isQuestion\n      isHidden\n      thread {\n        id\n        title\n      }\n    }\n    author {\n      handle\n    }\n    history {\n      accountAge\n      previousFlags\n      previousFlagsAgreed\n      previousFlagsDisagreed\n      sanctions {\n        id\n        kind\n        reason\n        startsAt\n        until\n        liftedAt\n      }\n    }\n    flags {\n      id\n      reason\n      note\n      flagger {\n        handle\n      }\n      createdAt\n    }\n  }\n": typeof types.ReviewItemViewFragmentDoc,
    "\n  query MemberModeration($handle: String!) {\n    member(handle: $handle) {\n      id\n      sanction {\n        id\n        kind\n        until\n        reason\n      }\n      sanctionHistory(first: 10) {\n        edges {\n          node {\n            id\n            kind\n            reason\n            startsAt\n            until\n            liftedAt\n            imposedBy {\n              handle\n            }\n            liftedBy {\n              handle\n            }\n          }\n        }\n      }\n      staffNotes(first: 50) {\n        edges {\n          node {\n            id\n            bodyHtml\n            createdAt\n            viewerCanDelete\n            author {\n              handle\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.MemberModerationDocument,
    "\n  mutation SilenceMember($input: SanctionInput!) {\n    silenceMember(input: $input) {\n      sanction {\n        id\n      }\n    }\n  }\n": typeof types.SilenceMemberDocument,
    "\n  mutation SuspendMember($input: SanctionInput!) {\n    suspendMember(input: $input) {\n      sanction {\n        id\n      }\n    }\n  }\n": typeof types.SuspendMemberDocument,
    "\n  mutation LiftSanction($memberId: ID!) {\n    liftSanction(memberId: $memberId) {\n      lifted {\n        id\n      }\n    }\n  }\n": typeof types.LiftSanctionDocument,
    "\n  mutation AddStaffNote($input: AddStaffNoteInput!) {\n    addStaffNote(input: $input) {\n      note {\n        id\n      }\n    }\n  }\n": typeof types.AddStaffNoteDocument,
    "\n  mutation DeleteStaffNote($id: ID!) {\n    deleteStaffNote(id: $id) {\n      deletedNoteId\n    }\n  }\n": typeof types.DeleteStaffNoteDocument,
    "\n  query NotificationsPage($first: Int, $after: String, $unreadOnly: Boolean) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      edges {\n        node {\n          id\n          kind\n          readAt\n          createdAt\n          message\n          path\n          actor {\n            handle\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    unreadNotificationCount\n  }\n": typeof types.NotificationsPageDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids) {\n      marked\n      unreadNotificationCount\n    }\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  query NotificationPreferences {\n    notificationPreferences {\n      kind\n      email\n      isDefault\n      enabled\n      canTurnOff\n    }\n  }\n": typeof types.NotificationPreferencesDocument,
    "\n  mutation SetNotificationPreferences($input: SetNotificationPreferencesInput!) {\n    setNotificationPreferences(input: $input) {\n      kind\n      email\n      enabled\n    }\n  }\n": typeof types.SetNotificationPreferencesDocument,
    "\n  mutation FollowThread($id: ID!) {\n    followThread(threadId: $id) {\n      thread {\n        id\n        viewerWatch\n      }\n    }\n  }\n": typeof types.FollowThreadDocument,
    "\n  mutation MuteThread($id: ID!) {\n    muteThread(threadId: $id) {\n      thread {\n        id\n        viewerWatch\n      }\n    }\n  }\n": typeof types.MuteThreadDocument,
    "\n  mutation UnwatchThread($id: ID!) {\n    unwatchThread(threadId: $id) {\n      thread {\n        id\n        viewerWatch\n      }\n    }\n  }\n": typeof types.UnwatchThreadDocument,
    "\n  mutation FollowCategory($id: ID!) {\n    followCategory(categoryId: $id) {\n      category {\n        id\n        viewerWatch\n      }\n    }\n  }\n": typeof types.FollowCategoryDocument,
    "\n  mutation MuteCategory($id: ID!) {\n    muteCategory(categoryId: $id) {\n      category {\n        id\n        viewerWatch\n      }\n    }\n  }\n": typeof types.MuteCategoryDocument,
    "\n  mutation UnwatchCategory($id: ID!) {\n    unwatchCategory(categoryId: $id) {\n      category {\n        id\n        viewerWatch\n      }\n    }\n  }\n": typeof types.UnwatchCategoryDocument,
    "\n  query PostHistory($id: ID!) {\n    post(id: $id) {\n      id\n      isQuestion\n      thread {\n        id\n        title\n      }\n      revisions {\n        id\n        revision\n        title\n        tags\n        body\n        reason\n        createdAt\n        editor {\n          handle\n          avatarUrl(size: 64)\n        }\n      }\n    }\n  }\n": typeof types.PostHistoryDocument,
    "\n  fragment SearchHitFields on SearchHit {\n    kind\n    title\n    snippetHtml\n    url\n    createdAt\n    thread {\n      id\n      status\n    }\n  }\n": typeof types.SearchHitFieldsFragmentDoc,
    "\n  query SearchPage($query: String!, $filter: SearchFilterInput, $sort: SearchSort!, $after: String) {\n    search(query: $query, filter: $filter, sort: $sort, first: 20, after: $after) {\n      edges {\n        cursor\n        node {\n          ...SearchHitFields\n          member {\n            handle\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      total {\n        value\n        exact\n      }\n      degraded\n      engine\n    }\n  }\n": typeof types.SearchPageDocument,
    "\n  query SearchCategories {\n    categories {\n      id\n      name\n    }\n  }\n": typeof types.SearchCategoriesDocument,
    "\n  query ArticleRelated($id: ID!) {\n    article(id: $id) {\n      id\n      related(first: 5) {\n        ...SearchHitFields\n      }\n    }\n  }\n": typeof types.ArticleRelatedDocument,
    "\n  query ThreadRelated($id: ID!) {\n    thread(id: $id) {\n      id\n      related(first: 5) {\n        ...SearchHitFields\n      }\n    }\n  }\n": typeof types.ThreadRelatedDocument,
    "\n  query Viewer {\n    me {\n      id\n      handle\n      avatarUrl(size: 64)\n      role\n      emailVerified\n      isAdvocate\n      privileges {\n        held {\n          key\n        }\n      }\n      sanction {\n        kind\n        until\n        reason\n      }\n    }\n    unreadNotificationCount\n  }\n": typeof types.ViewerDocument,
    "\n  query Home($after: String) {\n    categories {\n      id\n      slug\n      name\n      description\n      kind\n      threadCount\n    }\n    threads(first: 20, after: $after, order: LATEST) {\n      ...ThreadList\n    }\n  }\n": typeof types.HomeDocument,
    "\n  fragment ThreadList on ThreadConnection {\n    edges {\n      node {\n        id\n        title\n        status\n        tags\n        score\n        replyCount\n        viewCount\n        lastActivityAt\n        createdAt\n        pinnedScope\n        author {\n          handle\n        }\n        category {\n          slug\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n": typeof types.ThreadListFragmentDoc,
    "\n  query CategoryPage($slug: String!, $first: Int, $after: String, $filter: ThreadFilterInput, $order: ThreadOrder) {\n    category(slug: $slug) {\n      id\n      slug\n      name\n      description\n      kind\n      threadCount\n      viewerWatch\n    }\n    threads(first: $first, after: $after, filter: $filter, order: $order) {\n      ...ThreadList\n    }\n  }\n": typeof types.CategoryPageDocument,
    "\n  query ThreadPage($id: ID!, $after: String) {\n    categories {\n      id\n      name\n    }\n    thread(id: $id) {\n      id\n      title\n      status\n      tags\n      score\n      viewCount\n      replyCount\n      createdAt\n      lastActivityAt\n      author {\n        handle\n      }\n      closeReason\n      closeNote\n      pinnedScope\n      duplicateOf {\n        id\n        title\n      }\n      mergedInto {\n        id\n        title\n      }\n      category {\n        id\n        slug\n        name\n      }\n      viewerCan {\n        reply\n        accept\n        moderate\n        close\n        move\n        merge\n        pin\n      }\n      viewerWatch\n      routedTo {\n        member {\n          handle\n        }\n        reason\n      }\n      article {\n        id\n        title\n        state\n      }\n      question {\n        ...PostView\n      }\n      acceptedAnswer {\n        ...PostView\n      }\n      replies(first: 30, after: $after) {\n        edges {\n          node {\n            ...PostView\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.ThreadPageDocument,
    "\n  fragment PostView on Post {\n    id\n    body\n    bodyHtml\n    score\n    viewerVote\n    isAccepted\n    isQuestion\n    createdAt\n    editedAt\n    staffPickedAt\n    isHidden\n    hiddenNotice\n    viewerFlag {\n      reason\n    }\n    author {\n      handle\n      avatarUrl(size: 64)\n      role\n      isAdvocate\n      level {\n        name\n      }\n      badgeCounts {\n        gold\n        silver\n        bronze\n      }\n    }\n    revisions {\n      revision\n    }\n    viewerCan {\n      vote\n      upvote {\n        allowed\n        reason\n      }\n      downvote {\n        allowed\n        reason\n      }\n      edit\n      delete\n      accept\n      remove\n      staffPick\n      hide\n      flag {\n        allowed\n        reason\n      }\n    }\n  }\n": typeof types.PostViewFragmentDoc,
    "\n  mutation RecordView($threadId: ID!) {\n    recordThreadView(threadId: $threadId)\n  }\n": typeof types.RecordViewDocument,
    "\n  query AskCategories {\n    categories {\n      id\n      slug\n      name\n      kind\n    }\n    me {\n      id\n      role\n    }\n  }\n": typeof types.AskCategoriesDocument,
    "\n  mutation AskQuestion($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      id\n    }\n  }\n": typeof types.AskQuestionDocument,
    "\n  mutation PostReply($input: PostReplyInput!) {\n    postReply(input: $input) {\n      id\n    }\n  }\n": typeof types.PostReplyDocument,
    "\n  mutation Vote($input: VoteInput!) {\n    vote(input: $input) {\n      id\n      score\n      viewerVote\n    }\n  }\n": typeof types.VoteDocument,
    "\n  mutation Accept($postId: ID!) {\n    acceptAnswer(postId: $postId) {\n      id\n      status\n    }\n  }\n": typeof types.AcceptDocument,
    "\n  mutation Unaccept($threadId: ID!) {\n    unacceptAnswer(threadId: $threadId) {\n      id\n      status\n    }\n  }\n": typeof types.UnacceptDocument,
    "\n  mutation EditPost($input: EditPostInput!) {\n    editPost(input: $input) {\n      id\n    }\n  }\n": typeof types.EditPostDocument,
    "\n  mutation DeletePost($postId: ID!) {\n    deletePost(postId: $postId)\n  }\n": typeof types.DeletePostDocument,
    "\n  mutation RemovePost($input: RemovePostInput!) {\n    removePost(input: $input)\n  }\n": typeof types.RemovePostDocument,
    "\n  mutation RestorePost($postId: ID!) {\n    restorePost(postId: $postId) {\n      id\n      thread {\n        id\n      }\n    }\n  }\n": typeof types.RestorePostDocument,
    "\n  mutation StaffPick($postId: ID!) {\n    staffPick(postId: $postId) {\n      id\n    }\n  }\n": typeof types.StaffPickDocument,
    "\n  mutation WithdrawStaffPick($postId: ID!) {\n    withdrawStaffPick(postId: $postId) {\n      id\n    }\n  }\n": typeof types.WithdrawStaffPickDocument,
    "\n  query RemovedPosts($after: String) {\n    removedPosts(first: 25, after: $after) {\n      edges {\n        node {\n          id\n          isQuestion\n          bodyHtml\n          createdAt\n          author {\n            handle\n          }\n          thread {\n            id\n            title\n          }\n          removal {\n            at\n            reason\n            by {\n              handle\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.RemovedPostsDocument,
    "\n  mutation SetStatus($input: SetThreadStatusInput!) {\n    setThreadStatus(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.SetStatusDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      member {\n        handle\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      token\n      member {\n        handle\n      }\n    }\n  }\n": typeof types.RegisterDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query MemberPage(\n    $handle: String!\n    $after: String\n    $questionsAfter: String\n    $solutionsAfter: String\n    $articlesAfter: String\n  ) {\n    member(handle: $handle) {\n      id\n      handle\n      avatarUrl(size: 256)\n      role\n      createdAt\n      reputation\n      isAdvocate\n      advocateCategories {\n        id\n        name\n        slug\n      }\n      level {\n        name\n        min\n        next\n        progress\n      }\n      badges {\n        badge {\n          key\n          name\n          description\n          tier\n          perPost\n        }\n        count\n        reason\n        postId\n        firstAwardedAt\n        lastAwardedAt\n      }\n      badgeCounts {\n        ...BadgeCountsView\n      }\n      privileges {\n        held {\n          ...PrivilegeView\n        }\n        next {\n          ...PrivilegeView\n        }\n      }\n      reputationHistory(first: 20, after: $after) {\n        edges {\n          node {\n            id\n            kind\n            points\n            uncappedPoints\n            postId\n            threadId\n            reason\n            createdAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      acceptedAnswers(first: 10, after: $solutionsAfter) {\n        edges {\n          node {\n            id\n            acceptedAt\n            score\n            thread {\n              id\n              title\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      knowledgeArticles(first: 10, after: $articlesAfter) {\n        edges {\n          node {\n            id\n            title\n            publishedAt\n            helpfulCount\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n    threads(first: 20, after: $questionsAfter, filter: { authorHandle: $handle }, order: NEWEST) {\n      ...ThreadList\n    }\n    categories {\n      id\n      name\n    }\n  }\n": typeof types.MemberPageDocument,
    "\n  fragment BadgeCountsView on BadgeCounts {\n    gold\n    silver\n    bronze\n  }\n": typeof types.BadgeCountsViewFragmentDoc,
    "\n  fragment PrivilegeView on Privilege {\n    key\n    label\n    reputation\n  }\n": typeof types.PrivilegeViewFragmentDoc,
    "\n  mutation GrantAdvocate($input: GrantAdvocateInput!) {\n    grantAdvocate(input: $input) {\n      id\n      isAdvocate\n      advocateCategories {\n        id\n      }\n    }\n  }\n": typeof types.GrantAdvocateDocument,
    "\n  mutation RevokeAdvocate($input: AdvocateInput!) {\n    revokeAdvocate(input: $input) {\n      id\n      isAdvocate\n    }\n  }\n": typeof types.RevokeAdvocateDocument,
    "\n  query Leaderboard($period: LeaderboardPeriod!, $categoryId: ID, $ranking: LeaderboardRanking!) {\n    leaderboard(period: $period, categoryId: $categoryId, ranking: $ranking, first: 50) {\n      rank\n      points\n      accepted\n      member {\n        handle\n        avatarUrl(size: 64)\n        reputation\n        isAdvocate\n        level {\n          name\n        }\n      }\n    }\n    categories {\n      id\n      name\n    }\n  }\n": typeof types.LeaderboardDocument,
    "\n  query Badges {\n    badges {\n      key\n      name\n      description\n      tier\n      perPost\n      awardable\n      holders\n    }\n  }\n": typeof types.BadgesDocument,
    "\n  query AdminCategories {\n    adminCategories {\n      id\n      slug\n      name\n      description\n      kind\n      position\n      threadCount\n      slowModeSeconds\n    }\n  }\n": typeof types.AdminCategoriesDocument,
    "\n  mutation ReorderCategories($ids: [ID!]!) {\n    reorderCategories(ids: $ids) {\n      id\n    }\n  }\n": typeof types.ReorderCategoriesDocument,
    "\n  mutation AdminCreateCategory($input: CreateCategoryInput!) {\n    createCategory(input: $input) {\n      id\n    }\n  }\n": typeof types.AdminCreateCategoryDocument,
    "\n  mutation AdminUpdateCategory($input: UpdateCategoryInput!) {\n    updateCategory(input: $input) {\n      id\n    }\n  }\n": typeof types.AdminUpdateCategoryDocument,
    "\n  query AdminMembers($filter: AdminMembersFilterInput, $after: String) {\n    adminMembers(filter: $filter, first: 25, after: $after) {\n      edges {\n        node {\n          id\n          handle\n          role\n          reputation\n          createdAt\n          isAdvocate\n          heldForApproval\n          email\n          sanction {\n            kind\n            reason\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AdminMembersDocument,
    "\n  mutation AdminSetMemberRole($input: SetMemberRoleInput!) {\n    setMemberRole(input: $input) {\n      member {\n        id\n      }\n    }\n  }\n": typeof types.AdminSetMemberRoleDocument,
    "\n  mutation AdminApproveMember($input: ApproveMemberInput!) {\n    approveMember(input: $input) {\n      member {\n        id\n      }\n    }\n  }\n": typeof types.AdminApproveMemberDocument,
    "\n  mutation AdminGrantAdvocate($input: GrantAdvocateInput!) {\n    grantAdvocate(input: $input) {\n      id\n    }\n  }\n": typeof types.AdminGrantAdvocateDocument,
    "\n  mutation AdminRevokeAdvocate($input: AdvocateInput!) {\n    revokeAdvocate(input: $input) {\n      id\n    }\n  }\n": typeof types.AdminRevokeAdvocateDocument,
    "\n  query AdminRoutingRules {\n    routingRules {\n      id\n      name\n      enabled\n      position\n      categoryIds\n      tags\n      segments\n      sentimentNegative\n      sentimentScoreAtMost\n      sentimentCues\n      notifyHandles\n      notifyModerators\n      raisePriority\n      escalate\n      conditions\n      actions\n    }\n    adminCategories {\n      id\n      name\n    }\n  }\n": typeof types.AdminRoutingRulesDocument,
    "\n  mutation AdminCreateRoutingRule($input: CreateRoutingRuleInput!) {\n    createRoutingRule(input: $input) {\n      id\n    }\n  }\n": typeof types.AdminCreateRoutingRuleDocument,
    "\n  mutation AdminUpdateRoutingRule($input: UpdateRoutingRuleInput!) {\n    updateRoutingRule(input: $input) {\n      id\n    }\n  }\n": typeof types.AdminUpdateRoutingRuleDocument,
    "\n  mutation AdminDeleteRoutingRule($id: ID!) {\n    deleteRoutingRule(id: $id)\n  }\n": typeof types.AdminDeleteRoutingRuleDocument,
    "\n  mutation AdminReorderRoutingRules($ids: [ID!]!) {\n    reorderRoutingRules(ids: $ids) {\n      id\n    }\n  }\n": typeof types.AdminReorderRoutingRulesDocument,
    "\n  query SiteSettings {\n    siteSettings {\n      revision\n      groups {\n        key\n        label\n        description\n        environmentVariable\n        fields {\n          key\n          label\n          help\n          value\n          defaultValue\n          startupValue\n          changed\n          integer\n          min\n          max\n        }\n      }\n    }\n  }\n": typeof types.SiteSettingsDocument,
    "\n  mutation UpdateSettings($input: UpdateSettingsInput!) {\n    updateSettings(input: $input) {\n      revision\n    }\n  }\n": typeof types.UpdateSettingsDocument,
    "\n  query AdminServiceTokens {\n    serviceTokens {\n      id\n      name\n      scopes\n      createdAt\n      rotatedAt\n      lastUsedAt\n      revokedAt\n      createdBy {\n        handle\n      }\n    }\n  }\n": typeof types.AdminServiceTokensDocument,
    "\n  mutation AdminCreateServiceToken($input: CreateServiceTokenInput!) {\n    createServiceToken(input: $input) {\n      token\n      serviceToken {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AdminCreateServiceTokenDocument,
    "\n  mutation AdminRotateServiceToken($id: ID!) {\n    rotateServiceToken(id: $id) {\n      token\n      serviceToken {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AdminRotateServiceTokenDocument,
    "\n  mutation AdminRevokeServiceToken($id: ID!) {\n    revokeServiceToken(id: $id) {\n      id\n    }\n  }\n": typeof types.AdminRevokeServiceTokenDocument,
    "\n  query AdminHome {\n    adminCategories {\n      id\n    }\n    adminMembers(filter: { held: true }, first: 100) {\n      edges {\n        node {\n          id\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": typeof types.AdminHomeDocument,
    "\n  query AdminWebhookLog($id: ID!, $status: WebhookDeliveryStatus, $after: String) {\n    webhookEndpoint(id: $id) {\n      id\n      url\n      description\n      events\n      enabled\n      disabledReason\n      failingSince\n    }\n    webhookDeliveries(endpointId: $id, status: $status, first: 50, after: $after) {\n      edges {\n        node {\n          id\n          webhookId\n          eventType\n          subject\n          status\n          attempts\n          responseStatus\n          responseTimeMs\n          error\n          nextAttemptAt\n          lastAttemptAt\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AdminWebhookLogDocument,
    "\n  mutation ReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      id\n    }\n  }\n": typeof types.ReplayWebhookDeliveryDocument,
    "\n  mutation ReplayWebhookEndpoint($input: ReplayWebhookEndpointInput!) {\n    replayWebhookEndpoint(input: $input) {\n      replayed\n    }\n  }\n": typeof types.ReplayWebhookEndpointDocument,
    "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n    }\n  }\n": typeof types.RotateWebhookSecretDocument,
    "\n  query AdminWebhooks {\n    webhookEventKinds {\n      type\n      label\n      description\n    }\n    webhookEndpoints {\n      id\n      url\n      description\n      events\n      enabled\n      disabledReason\n      failingSince\n    }\n  }\n": typeof types.AdminWebhooksDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n        url\n      }\n      secret\n    }\n  }\n": typeof types.CreateWebhookEndpointDocument,
    "\n  mutation EnableWebhookEndpoint($id: ID!) {\n    enableWebhookEndpoint(id: $id) {\n      id\n    }\n  }\n": typeof types.EnableWebhookEndpointDocument,
    "\n  mutation DisableWebhookEndpoint($id: ID!) {\n    disableWebhookEndpoint(id: $id) {\n      id\n    }\n  }\n": typeof types.DisableWebhookEndpointDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n": typeof types.DeleteWebhookEndpointDocument,
    "\n  query ArticleReportState($id: ID!) {\n    article(id: $id) {\n      id\n      viewerCanReport\n      viewerReport {\n        reason\n      }\n    }\n  }\n": typeof types.ArticleReportStateDocument,
    "\n  mutation ReportArticle($input: ReportArticleInput!) {\n    reportArticle(input: $input) {\n      report {\n        id\n      }\n    }\n  }\n": typeof types.ReportArticleDocument,
    "\n  query Activity($filter: EventLogFilterInput, $after: String) {\n    events(filter: $filter, first: 30, after: $after) {\n      edges {\n        node {\n          id\n          name\n          subject\n          actorType\n          actorLabel\n          actor {\n            handle\n          }\n          data\n          occurredAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ActivityDocument,
    "\n  query AuditMember($handle: String!) {\n    member(handle: $handle) {\n      id\n    }\n  }\n": typeof types.AuditMemberDocument,
    "\n  query AuditLog($filter: AuditLogFilterInput, $after: String) {\n    auditLog(filter: $filter, first: 30, after: $after) {\n      edges {\n        node {\n          id\n          name\n          subject\n          actorType\n          actorLabel\n          actor {\n            handle\n          }\n          data\n          before\n          after\n          reason\n          occurredAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  query ReviewQueue($after: String) {\n    reviewQueueStats {\n      open\n      oldestWaitingSeconds\n      handledToday\n      projectedClearSeconds\n      byAge {\n        bucket\n        count\n      }\n      handledPerReviewer {\n        reviewer {\n          handle\n        }\n        count\n      }\n    }\n    reviewQueue(first: 20, after: $after) {\n      edges {\n        node {\n          ...ReviewItemView\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ReviewQueueDocument,
    "\n  mutation ClaimReviewItem($itemId: ID!) {\n    claimReviewItem(itemId: $itemId) {\n      id\n    }\n  }\n": typeof types.ClaimReviewItemDocument,
    "\n  mutation ResolveReviewItem($input: ResolveReviewItemInput!) {\n    resolveReviewItem(input: $input) {\n      id\n    }\n  }\n": typeof types.ResolveReviewItemDocument,
};
const documents: Documents = {
    "\n  query MyAvatar {\n    me {\n      id\n      handle\n      avatarUrl(size: 256)\n      hasUploadedAvatar\n    }\n  }\n": types.MyAvatarDocument,
    "\n  mutation RemoveAvatar {\n    removeAvatar {\n      member {\n        id\n        handle\n      }\n    }\n  }\n": types.RemoveAvatarDocument,
    "\n  query PreviewMarkdown($body: String!) {\n    previewMarkdown(body: $body)\n  }\n": types.PreviewMarkdownDocument,
    "\n  query TagSuggestions($prefix: String!) {\n    tagSuggestions(prefix: $prefix, first: 8) {\n      tags {\n        name\n        threadCount\n      }\n      newTag {\n        name\n        allowed\n        reason\n        reputationNeeded\n      }\n    }\n  }\n": types.TagSuggestionsDocument,
    "\n  query MemberSuggestions($prefix: String!) {\n    memberSuggestions(prefix: $prefix, first: 6) {\n      id\n      handle\n      reputation\n    }\n  }\n": types.MemberSuggestionsDocument,
    "\n  query MemberCustomer($handle: String!) {\n    member(handle: $handle) {\n      id\n      customer {\n        id\n        externalId\n        name\n        company\n      }\n    }\n  }\n": types.MemberCustomerDocument,
    "\n  query CustomerView($id: ID!, $after: String) {\n    customer(id: $id) {\n      id\n      externalId\n      name\n      company\n      segment\n      lifetimeValueCents\n      currency\n      emails\n      socialHandles\n      consent {\n        email\n        analytics\n      }\n      crmUpdatedAt\n      products {\n        sku\n        name\n        version\n      }\n      memberLinks {\n        how\n        linkedAt\n        member {\n          id\n          handle\n          avatarUrl\n          role\n          isAdvocate\n        }\n        linkedBy {\n          handle\n        }\n      }\n      timeline(first: 25, after: $after) {\n        edges {\n          node {\n            id\n            kind\n            occurredAt\n            threadId\n            postId\n            articleId\n            title\n            threadStatus\n            badgeName\n            sanctionKind\n            detail\n            member {\n              handle\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      signals {\n        openIssues {\n          unresolvedQuestions\n          oldestWaitingSince\n          threads {\n            id\n            title\n            createdAt\n            replyCount\n          }\n        }\n      }\n    }\n  }\n": types.CustomerViewDocument,
    "\n  mutation UnlinkCustomer($input: CustomerLinkInput!) {\n    unlinkCustomer(input: $input) {\n      customer {\n        id\n      }\n    }\n  }\n": types.UnlinkCustomerDocument,
    "\n  query SimilarQuestions($title: String!, $body: String) {\n    similarQuestions(title: $title, body: $body, first: 5) {\n      ...SearchHitFields\n    }\n  }\n": types.SimilarQuestionsDocument,
    "\n  mutation RecordSuggestionsShown($sessionId: String!, $suggestions: [SuggestionInput!]!) {\n    recordSuggestionsShown(sessionId: $sessionId, suggestions: $suggestions)\n  }\n": types.RecordSuggestionsShownDocument,
    "\n  mutation RecordSuggestionClicked($sessionId: String!, $suggestion: SuggestionInput!) {\n    recordSuggestionClicked(sessionId: $sessionId, suggestion: $suggestion)\n  }\n": types.RecordSuggestionClickedDocument,
    "\n  mutation RecordQuestionAsked($sessionId: String!, $threadId: ID!) {\n    recordQuestionAsked(sessionId: $sessionId, threadId: $threadId)\n  }\n": types.RecordQuestionAskedDocument,
    "\n  query DeflectionStats($days: Int!) {\n    deflectionStats(days: $days, top: 20) {\n      sessions\n      asked\n      deflectedSessions\n      shown\n      clicked\n      deflected\n      failed\n      potential\n      pending\n      targets {\n        kind\n        shown\n        clicked\n        deflected\n        failed\n        potential\n        pending\n        article {\n          id\n          title\n        }\n        thread {\n          id\n          title\n        }\n      }\n    }\n  }\n": types.DeflectionStatsDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n": types.VerifyEmailDocument,
    "\n  mutation ResendVerificationEmail {\n    resendVerificationEmail\n  }\n": types.ResendVerificationEmailDocument,
    "\n  query EmailUnsubscribeLink($token: String!) {\n    emailUnsubscribeLink(token: $token) {\n      handle\n      digest\n      kinds\n      labels\n    }\n  }\n": types.EmailUnsubscribeLinkDocument,
    "\n  mutation UnsubscribeFromEmails($token: String!) {\n    unsubscribeFromEmails(token: $token) {\n      handle\n      digest\n      kinds\n      labels\n    }\n  }\n": types.UnsubscribeFromEmailsDocument,
    "\n  query HiddenInfluencers($first: Int) {\n    hiddenInfluencers(first: $first) {\n      member {\n        id\n        handle\n        reputation\n      }\n      rank\n      outOf\n      why\n      nominatedAt\n      influence {\n        score\n        computedAt\n        parts {\n          name\n          value\n          weight\n          explanation\n        }\n      }\n    }\n  }\n": types.HiddenInfluencersDocument,
    "\n  mutation NominateAdvocate($memberId: ID!) {\n    nominateAdvocate(memberId: $memberId) {\n      id\n      createdAt\n    }\n  }\n": types.NominateAdvocateDocument,
    "\n  fragment ArticleRow on Article {\n    id\n    title\n    issue\n    state\n    tags\n    helpfulCount\n    needsReview\n    needsReviewReason\n    hasStagedVersion\n    publishedAt\n    verifiedAt\n    updatedAt\n    createdAt\n    category {\n      id\n      slug\n      name\n    }\n    sourceThread {\n      id\n      title\n    }\n  }\n": types.ArticleRowFragmentDoc,
    "\n  query KnowledgeHome($filter: ArticleFilterInput, $after: String) {\n    categories {\n      id\n      name\n    }\n    articles(filter: $filter, first: 20, after: $after) {\n      edges {\n        node {\n          ...ArticleRow\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.KnowledgeHomeDocument,
    "\n  query ArticlePage($id: ID!) {\n    article(id: $id) {\n      id\n      title\n      state\n      issue\n      issueHtml\n      environmentHtml\n      resolutionHtml\n      causeHtml\n      tags\n      category {\n        id\n        slug\n        name\n      }\n      sourceThread {\n        id\n        title\n      }\n      contributors {\n        role\n        member {\n          handle\n        }\n      }\n      needsReview\n      needsReviewReason\n      needsReviewDiff\n      hasStagedVersion\n      currentVersion\n      publishedVersion\n      publishedAt\n      verifiedAt\n      verifiedBy {\n        handle\n      }\n      archivedAt\n      archiveReason\n      reviewBy\n      createdAt\n      updatedAt\n      helpfulCount\n      notHelpfulCount\n      viewerRating\n      viewCount\n      versions {\n        number\n        author {\n          handle\n        }\n        createdAt\n        changed\n        note\n      }\n      viewerCan {\n        edit\n        submit\n        publish\n        archive\n        verify\n        rate\n        review\n      }\n    }\n  }\n": types.ArticlePageDocument,
    "\n  query ArticleDiff($id: ID!, $from: Int!, $to: Int!) {\n    article(id: $id) {\n      id\n      diff(from: $from, to: $to) {\n        field\n        diff\n      }\n    }\n  }\n": types.ArticleDiffDocument,
    "\n  query ArticleEdit($id: ID!) {\n    article(id: $id) {\n      id\n      title\n      state\n      hasStagedVersion\n      currentVersion\n      reviewBy\n      versions {\n        number\n        title\n        issue\n        environment\n        resolution\n        cause\n        tags\n      }\n      viewerCan {\n        edit\n      }\n    }\n  }\n": types.ArticleEditDocument,
    "\n  query KnowledgeQueue($after: String) {\n    articleReviewQueue(first: 30, after: $after) {\n      edges {\n        node {\n          ...ArticleRow\n          queuedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.KnowledgeQueueDocument,
    "\n  mutation RecordArticleView($articleId: ID!) {\n    recordArticleView(articleId: $articleId)\n  }\n": types.RecordArticleViewDocument,
    "\n  mutation RateArticle($input: RateArticleInput!) {\n    rateArticle(input: $input) {\n      id\n      helpfulCount\n      notHelpfulCount\n    }\n  }\n": types.RateArticleDocument,
    "\n  mutation UpdateArticle($input: UpdateArticleInput!) {\n    updateArticle(input: $input) {\n      id\n      hasStagedVersion\n    }\n  }\n": types.UpdateArticleDocument,
    "\n  mutation CreateArticle($input: CreateArticleInput!) {\n    createArticle(input: $input) {\n      id\n    }\n  }\n": types.CreateArticleDocument,
    "\n  mutation SubmitArticle($articleId: ID!) {\n    submitArticle(articleId: $articleId) {\n      id\n      state\n    }\n  }\n": types.SubmitArticleDocument,
    "\n  mutation PublishArticle($articleId: ID!) {\n    publishArticle(articleId: $articleId) {\n      id\n      state\n    }\n  }\n": types.PublishArticleDocument,
    "\n  mutation VerifyArticle($articleId: ID!) {\n    verifyArticle(articleId: $articleId) {\n      id\n      needsReview\n    }\n  }\n": types.VerifyArticleDocument,
    "\n  mutation ArchiveArticle($input: ArchiveArticleInput!) {\n    archiveArticle(input: $input) {\n      id\n      state\n    }\n  }\n": types.ArchiveArticleDocument,
    "\n  subscription ThreadActivity($threadId: ID!, $after: ID) {\n    threadActivity(threadId: $threadId, after: $after) {\n      eventId\n      kind\n      postId\n    }\n  }\n": types.ThreadActivityDocument,
    "\n  subscription NotificationAdded($after: ID) {\n    notificationAdded(after: $after) {\n      id\n      message\n    }\n  }\n": types.NotificationAddedDocument,
    "\n  mutation FlagPost($input: FlagPostInput!) {\n    flagPost(input: $input) {\n      post {\n        id\n        isHidden\n      }\n    }\n  }\n": types.FlagPostDocument,
    "\n  mutation HidePost($input: HidePostInput!) {\n    hidePost(input: $input) {\n      id\n    }\n  }\n": types.HidePostDocument,
    "\n  mutation UnhidePost($input: UnhidePostInput!) {\n    unhidePost(input: $input) {\n      id\n    }\n  }\n": types.UnhidePostDocument,
    "\n  mutation LockThread($input: LockThreadInput!) {\n    lockThread(input: $input) {\n      thread {\n        id\n      }\n    }\n  }\n": types.LockThreadDocument,
    "\n  mutation UnlockThread($input: ThreadReasonInput!) {\n    unlockThread(input: $input) {\n      thread {\n        id\n      }\n    }\n  }\n": types.UnlockThreadDocument,
    "\n  mutation CloseThread($input: CloseThreadInput!) {\n    closeThread(input: $input) {\n      thread {\n        id\n      }\n    }\n  }\n": types.CloseThreadDocument,
    "\n  mutation ReopenThread($input: ThreadReasonInput!) {\n    reopenThread(input: $input) {\n      thread {\n        id\n      }\n    }\n  }\n": types.ReopenThreadDocument,
    "\n  mutation MoveThread($input: MoveThreadInput!) {\n    moveThread(input: $input) {\n      thread {\n        id\n      }\n    }\n  }\n": types.MoveThreadDocument,
    "\n  mutation MergeThread($input: MergeThreadInput!) {\n    mergeThread(input: $input) {\n      into {\n        id\n      }\n    }\n  }\n": types.MergeThreadDocument,
    "\n  mutation PinThread($input: PinThreadInput!) {\n    pinThread(input: $input) {\n      thread {\n        id\n      }\n    }\n  }\n": types.PinThreadDocument,
    "\n  mutation UnpinThread($threadId: ID!) {\n    unpinThread(threadId: $threadId) {\n      thread {\n        id\n      }\n    }\n  }\n": types.UnpinThreadDocument,
    "\n  fragment ReviewItemView on ReviewItem {\n    id\n    kind\n    status\n    staffOnly\n    createdAt\n    claimExpiresAt\n    claimedBy {\n      handle\n    }\n    agreedAt\n    agreedBy {\n      handle\n    }\n    article {\n      id\n      title\n    }\n    reports {\n      id\n      reason\n      note\n      reporter {\n        handle\n      }\n    }\n    post {\n      id\n      body\n      isQuestion\n      isHidden\n      thread {\n        id\n        title\n      }\n    }\n    author {\n      handle\n    }\n    history {\n      accountAge\n      previousFlags\n      previousFlagsAgreed\n      previousFlagsDisagreed\n      sanctions {\n        id\n        kind\n        reason\n        startsAt\n        until\n        liftedAt\n      }\n    }\n    flags {\n      id\n      reason\n      note\n      flagger {\n        handle\n      }\n      createdAt\n    }\n  }\n": types.ReviewItemViewFragmentDoc,
    "\n  query MemberModeration($handle: String!) {\n    member(handle: $handle) {\n      id\n      sanction {\n        id\n        kind\n        until\n        reason\n      }\n      sanctionHistory(first: 10) {\n        edges {\n          node {\n            id\n            kind\n            reason\n            startsAt\n            until\n            liftedAt\n            imposedBy {\n              handle\n            }\n            liftedBy {\n              handle\n            }\n          }\n        }\n      }\n      staffNotes(first: 50) {\n        edges {\n          node {\n            id\n            bodyHtml\n            createdAt\n            viewerCanDelete\n            author {\n              handle\n            }\n          }\n        }\n      }\n    }\n  }\n": types.MemberModerationDocument,
    "\n  mutation SilenceMember($input: SanctionInput!) {\n    silenceMember(input: $input) {\n      sanction {\n        id\n      }\n    }\n  }\n": types.SilenceMemberDocument,
    "\n  mutation SuspendMember($input: SanctionInput!) {\n    suspendMember(input: $input) {\n      sanction {\n        id\n      }\n    }\n  }\n": types.SuspendMemberDocument,
    "\n  mutation LiftSanction($memberId: ID!) {\n    liftSanction(memberId: $memberId) {\n      lifted {\n        id\n      }\n    }\n  }\n": types.LiftSanctionDocument,
    "\n  mutation AddStaffNote($input: AddStaffNoteInput!) {\n    addStaffNote(input: $input) {\n      note {\n        id\n      }\n    }\n  }\n": types.AddStaffNoteDocument,
    "\n  mutation DeleteStaffNote($id: ID!) {\n    deleteStaffNote(id: $id) {\n      deletedNoteId\n    }\n  }\n": types.DeleteStaffNoteDocument,
    "\n  query NotificationsPage($first: Int, $after: String, $unreadOnly: Boolean) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      edges {\n        node {\n          id\n          kind\n          readAt\n          createdAt\n          message\n          path\n          actor {\n            handle\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    unreadNotificationCount\n  }\n": types.NotificationsPageDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids) {\n      marked\n      unreadNotificationCount\n    }\n  }\n": types.MarkNotificationsReadDocument,
    "\n  query NotificationPreferences {\n    notificationPreferences {\n      kind\n      email\n      isDefault\n      enabled\n      canTurnOff\n    }\n  }\n": types.NotificationPreferencesDocument,
    "\n  mutation SetNotificationPreferences($input: SetNotificationPreferencesInput!) {\n    setNotificationPreferences(input: $input) {\n      kind\n      email\n      enabled\n    }\n  }\n": types.SetNotificationPreferencesDocument,
    "\n  mutation FollowThread($id: ID!) {\n    followThread(threadId: $id) {\n      thread {\n        id\n        viewerWatch\n      }\n    }\n  }\n": types.FollowThreadDocument,
    "\n  mutation MuteThread($id: ID!) {\n    muteThread(threadId: $id) {\n      thread {\n        id\n        viewerWatch\n      }\n    }\n  }\n": types.MuteThreadDocument,
    "\n  mutation UnwatchThread($id: ID!) {\n    unwatchThread(threadId: $id) {\n      thread {\n        id\n        viewerWatch\n      }\n    }\n  }\n": types.UnwatchThreadDocument,
    "\n  mutation FollowCategory($id: ID!) {\n    followCategory(categoryId: $id) {\n      category {\n        id\n        viewerWatch\n      }\n    }\n  }\n": types.FollowCategoryDocument,
    "\n  mutation MuteCategory($id: ID!) {\n    muteCategory(categoryId: $id) {\n      category {\n        id\n        viewerWatch\n      }\n    }\n  }\n": types.MuteCategoryDocument,
    "\n  mutation UnwatchCategory($id: ID!) {\n    unwatchCategory(categoryId: $id) {\n      category {\n        id\n        viewerWatch\n      }\n    }\n  }\n": types.UnwatchCategoryDocument,
    "\n  query PostHistory($id: ID!) {\n    post(id: $id) {\n      id\n      isQuestion\n      thread {\n        id\n        title\n      }\n      revisions {\n        id\n        revision\n        title\n        tags\n        body\n        reason\n        createdAt\n        editor {\n          handle\n          avatarUrl(size: 64)\n        }\n      }\n    }\n  }\n": types.PostHistoryDocument,
    "\n  fragment SearchHitFields on SearchHit {\n    kind\n    title\n    snippetHtml\n    url\n    createdAt\n    thread {\n      id\n      status\n    }\n  }\n": types.SearchHitFieldsFragmentDoc,
    "\n  query SearchPage($query: String!, $filter: SearchFilterInput, $sort: SearchSort!, $after: String) {\n    search(query: $query, filter: $filter, sort: $sort, first: 20, after: $after) {\n      edges {\n        cursor\n        node {\n          ...SearchHitFields\n          member {\n            handle\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      total {\n        value\n        exact\n      }\n      degraded\n      engine\n    }\n  }\n": types.SearchPageDocument,
    "\n  query SearchCategories {\n    categories {\n      id\n      name\n    }\n  }\n": types.SearchCategoriesDocument,
    "\n  query ArticleRelated($id: ID!) {\n    article(id: $id) {\n      id\n      related(first: 5) {\n        ...SearchHitFields\n      }\n    }\n  }\n": types.ArticleRelatedDocument,
    "\n  query ThreadRelated($id: ID!) {\n    thread(id: $id) {\n      id\n      related(first: 5) {\n        ...SearchHitFields\n      }\n    }\n  }\n": types.ThreadRelatedDocument,
    "\n  query Viewer {\n    me {\n      id\n      handle\n      avatarUrl(size: 64)\n      role\n      emailVerified\n      isAdvocate\n      privileges {\n        held {\n          key\n        }\n      }\n      sanction {\n        kind\n        until\n        reason\n      }\n    }\n    unreadNotificationCount\n  }\n": types.ViewerDocument,
    "\n  query Home($after: String) {\n    categories {\n      id\n      slug\n      name\n      description\n      kind\n      threadCount\n    }\n    threads(first: 20, after: $after, order: LATEST) {\n      ...ThreadList\n    }\n  }\n": types.HomeDocument,
    "\n  fragment ThreadList on ThreadConnection {\n    edges {\n      node {\n        id\n        title\n        status\n        tags\n        score\n        replyCount\n        viewCount\n        lastActivityAt\n        createdAt\n        pinnedScope\n        author {\n          handle\n        }\n        category {\n          slug\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n": types.ThreadListFragmentDoc,
    "\n  query CategoryPage($slug: String!, $first: Int, $after: String, $filter: ThreadFilterInput, $order: ThreadOrder) {\n    category(slug: $slug) {\n      id\n      slug\n      name\n      description\n      kind\n      threadCount\n      viewerWatch\n    }\n    threads(first: $first, after: $after, filter: $filter, order: $order) {\n      ...ThreadList\n    }\n  }\n": types.CategoryPageDocument,
    "\n  query ThreadPage($id: ID!, $after: String) {\n    categories {\n      id\n      name\n    }\n    thread(id: $id) {\n      id\n      title\n      status\n      tags\n      score\n      viewCount\n      replyCount\n      createdAt\n      lastActivityAt\n      author {\n        handle\n      }\n      closeReason\n      closeNote\n      pinnedScope\n      duplicateOf {\n        id\n        title\n      }\n      mergedInto {\n        id\n        title\n      }\n      category {\n        id\n        slug\n        name\n      }\n      viewerCan {\n        reply\n        accept\n        moderate\n        close\n        move\n        merge\n        pin\n      }\n      viewerWatch\n      routedTo {\n        member {\n          handle\n        }\n        reason\n      }\n      article {\n        id\n        title\n        state\n      }\n      question {\n        ...PostView\n      }\n      acceptedAnswer {\n        ...PostView\n      }\n      replies(first: 30, after: $after) {\n        edges {\n          node {\n            ...PostView\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.ThreadPageDocument,
    "\n  fragment PostView on Post {\n    id\n    body\n    bodyHtml\n    score\n    viewerVote\n    isAccepted\n    isQuestion\n    createdAt\n    editedAt\n    staffPickedAt\n    isHidden\n    hiddenNotice\n    viewerFlag {\n      reason\n    }\n    author {\n      handle\n      avatarUrl(size: 64)\n      role\n      isAdvocate\n      level {\n        name\n      }\n      badgeCounts {\n        gold\n        silver\n        bronze\n      }\n    }\n    revisions {\n      revision\n    }\n    viewerCan {\n      vote\n      upvote {\n        allowed\n        reason\n      }\n      downvote {\n        allowed\n        reason\n      }\n      edit\n      delete\n      accept\n      remove\n      staffPick\n      hide\n      flag {\n        allowed\n        reason\n      }\n    }\n  }\n": types.PostViewFragmentDoc,
    "\n  mutation RecordView($threadId: ID!) {\n    recordThreadView(threadId: $threadId)\n  }\n": types.RecordViewDocument,
    "\n  query AskCategories {\n    categories {\n      id\n      slug\n      name\n      kind\n    }\n    me {\n      id\n      role\n    }\n  }\n": types.AskCategoriesDocument,
    "\n  mutation AskQuestion($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      id\n    }\n  }\n": types.AskQuestionDocument,
    "\n  mutation PostReply($input: PostReplyInput!) {\n    postReply(input: $input) {\n      id\n    }\n  }\n": types.PostReplyDocument,
    "\n  mutation Vote($input: VoteInput!) {\n    vote(input: $input) {\n      id\n      score\n      viewerVote\n    }\n  }\n": types.VoteDocument,
    "\n  mutation Accept($postId: ID!) {\n    acceptAnswer(postId: $postId) {\n      id\n      status\n    }\n  }\n": types.AcceptDocument,
    "\n  mutation Unaccept($threadId: ID!) {\n    unacceptAnswer(threadId: $threadId) {\n      id\n      status\n    }\n  }\n": types.UnacceptDocument,
    "\n  mutation EditPost($input: EditPostInput!) {\n    editPost(input: $input) {\n      id\n    }\n  }\n": types.EditPostDocument,
    "\n  mutation DeletePost($postId: ID!) {\n    deletePost(postId: $postId)\n  }\n": types.DeletePostDocument,
    "\n  mutation RemovePost($input: RemovePostInput!) {\n    removePost(input: $input)\n  }\n": types.RemovePostDocument,
    "\n  mutation RestorePost($postId: ID!) {\n    restorePost(postId: $postId) {\n      id\n      thread {\n        id\n      }\n    }\n  }\n": types.RestorePostDocument,
    "\n  mutation StaffPick($postId: ID!) {\n    staffPick(postId: $postId) {\n      id\n    }\n  }\n": types.StaffPickDocument,
    "\n  mutation WithdrawStaffPick($postId: ID!) {\n    withdrawStaffPick(postId: $postId) {\n      id\n    }\n  }\n": types.WithdrawStaffPickDocument,
    "\n  query RemovedPosts($after: String) {\n    removedPosts(first: 25, after: $after) {\n      edges {\n        node {\n          id\n          isQuestion\n          bodyHtml\n          createdAt\n          author {\n            handle\n          }\n          thread {\n            id\n            title\n          }\n          removal {\n            at\n            reason\n            by {\n              handle\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.RemovedPostsDocument,
    "\n  mutation SetStatus($input: SetThreadStatusInput!) {\n    setThreadStatus(input: $input) {\n      id\n      status\n    }\n  }\n": types.SetStatusDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      member {\n        handle\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      token\n      member {\n        handle\n      }\n    }\n  }\n": types.RegisterDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query MemberPage(\n    $handle: String!\n    $after: String\n    $questionsAfter: String\n    $solutionsAfter: String\n    $articlesAfter: String\n  ) {\n    member(handle: $handle) {\n      id\n      handle\n      avatarUrl(size: 256)\n      role\n      createdAt\n      reputation\n      isAdvocate\n      advocateCategories {\n        id\n        name\n        slug\n      }\n      level {\n        name\n        min\n        next\n        progress\n      }\n      badges {\n        badge {\n          key\n          name\n          description\n          tier\n          perPost\n        }\n        count\n        reason\n        postId\n        firstAwardedAt\n        lastAwardedAt\n      }\n      badgeCounts {\n        ...BadgeCountsView\n      }\n      privileges {\n        held {\n          ...PrivilegeView\n        }\n        next {\n          ...PrivilegeView\n        }\n      }\n      reputationHistory(first: 20, after: $after) {\n        edges {\n          node {\n            id\n            kind\n            points\n            uncappedPoints\n            postId\n            threadId\n            reason\n            createdAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      acceptedAnswers(first: 10, after: $solutionsAfter) {\n        edges {\n          node {\n            id\n            acceptedAt\n            score\n            thread {\n              id\n              title\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      knowledgeArticles(first: 10, after: $articlesAfter) {\n        edges {\n          node {\n            id\n            title\n            publishedAt\n            helpfulCount\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n    threads(first: 20, after: $questionsAfter, filter: { authorHandle: $handle }, order: NEWEST) {\n      ...ThreadList\n    }\n    categories {\n      id\n      name\n    }\n  }\n": types.MemberPageDocument,
    "\n  fragment BadgeCountsView on BadgeCounts {\n    gold\n    silver\n    bronze\n  }\n": types.BadgeCountsViewFragmentDoc,
    "\n  fragment PrivilegeView on Privilege {\n    key\n    label\n    reputation\n  }\n": types.PrivilegeViewFragmentDoc,
    "\n  mutation GrantAdvocate($input: GrantAdvocateInput!) {\n    grantAdvocate(input: $input) {\n      id\n      isAdvocate\n      advocateCategories {\n        id\n      }\n    }\n  }\n": types.GrantAdvocateDocument,
    "\n  mutation RevokeAdvocate($input: AdvocateInput!) {\n    revokeAdvocate(input: $input) {\n      id\n      isAdvocate\n    }\n  }\n": types.RevokeAdvocateDocument,
    "\n  query Leaderboard($period: LeaderboardPeriod!, $categoryId: ID, $ranking: LeaderboardRanking!) {\n    leaderboard(period: $period, categoryId: $categoryId, ranking: $ranking, first: 50) {\n      rank\n      points\n      accepted\n      member {\n        handle\n        avatarUrl(size: 64)\n        reputation\n        isAdvocate\n        level {\n          name\n        }\n      }\n    }\n    categories {\n      id\n      name\n    }\n  }\n": types.LeaderboardDocument,
    "\n  query Badges {\n    badges {\n      key\n      name\n      description\n      tier\n      perPost\n      awardable\n      holders\n    }\n  }\n": types.BadgesDocument,
    "\n  query AdminCategories {\n    adminCategories {\n      id\n      slug\n      name\n      description\n      kind\n      position\n      threadCount\n      slowModeSeconds\n    }\n  }\n": types.AdminCategoriesDocument,
    "\n  mutation ReorderCategories($ids: [ID!]!) {\n    reorderCategories(ids: $ids) {\n      id\n    }\n  }\n": types.ReorderCategoriesDocument,
    "\n  mutation AdminCreateCategory($input: CreateCategoryInput!) {\n    createCategory(input: $input) {\n      id\n    }\n  }\n": types.AdminCreateCategoryDocument,
    "\n  mutation AdminUpdateCategory($input: UpdateCategoryInput!) {\n    updateCategory(input: $input) {\n      id\n    }\n  }\n": types.AdminUpdateCategoryDocument,
    "\n  query AdminMembers($filter: AdminMembersFilterInput, $after: String) {\n    adminMembers(filter: $filter, first: 25, after: $after) {\n      edges {\n        node {\n          id\n          handle\n          role\n          reputation\n          createdAt\n          isAdvocate\n          heldForApproval\n          email\n          sanction {\n            kind\n            reason\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AdminMembersDocument,
    "\n  mutation AdminSetMemberRole($input: SetMemberRoleInput!) {\n    setMemberRole(input: $input) {\n      member {\n        id\n      }\n    }\n  }\n": types.AdminSetMemberRoleDocument,
    "\n  mutation AdminApproveMember($input: ApproveMemberInput!) {\n    approveMember(input: $input) {\n      member {\n        id\n      }\n    }\n  }\n": types.AdminApproveMemberDocument,
    "\n  mutation AdminGrantAdvocate($input: GrantAdvocateInput!) {\n    grantAdvocate(input: $input) {\n      id\n    }\n  }\n": types.AdminGrantAdvocateDocument,
    "\n  mutation AdminRevokeAdvocate($input: AdvocateInput!) {\n    revokeAdvocate(input: $input) {\n      id\n    }\n  }\n": types.AdminRevokeAdvocateDocument,
    "\n  query AdminRoutingRules {\n    routingRules {\n      id\n      name\n      enabled\n      position\n      categoryIds\n      tags\n      segments\n      sentimentNegative\n      sentimentScoreAtMost\n      sentimentCues\n      notifyHandles\n      notifyModerators\n      raisePriority\n      escalate\n      conditions\n      actions\n    }\n    adminCategories {\n      id\n      name\n    }\n  }\n": types.AdminRoutingRulesDocument,
    "\n  mutation AdminCreateRoutingRule($input: CreateRoutingRuleInput!) {\n    createRoutingRule(input: $input) {\n      id\n    }\n  }\n": types.AdminCreateRoutingRuleDocument,
    "\n  mutation AdminUpdateRoutingRule($input: UpdateRoutingRuleInput!) {\n    updateRoutingRule(input: $input) {\n      id\n    }\n  }\n": types.AdminUpdateRoutingRuleDocument,
    "\n  mutation AdminDeleteRoutingRule($id: ID!) {\n    deleteRoutingRule(id: $id)\n  }\n": types.AdminDeleteRoutingRuleDocument,
    "\n  mutation AdminReorderRoutingRules($ids: [ID!]!) {\n    reorderRoutingRules(ids: $ids) {\n      id\n    }\n  }\n": types.AdminReorderRoutingRulesDocument,
    "\n  query SiteSettings {\n    siteSettings {\n      revision\n      groups {\n        key\n        label\n        description\n        environmentVariable\n        fields {\n          key\n          label\n          help\n          value\n          defaultValue\n          startupValue\n          changed\n          integer\n          min\n          max\n        }\n      }\n    }\n  }\n": types.SiteSettingsDocument,
    "\n  mutation UpdateSettings($input: UpdateSettingsInput!) {\n    updateSettings(input: $input) {\n      revision\n    }\n  }\n": types.UpdateSettingsDocument,
    "\n  query AdminServiceTokens {\n    serviceTokens {\n      id\n      name\n      scopes\n      createdAt\n      rotatedAt\n      lastUsedAt\n      revokedAt\n      createdBy {\n        handle\n      }\n    }\n  }\n": types.AdminServiceTokensDocument,
    "\n  mutation AdminCreateServiceToken($input: CreateServiceTokenInput!) {\n    createServiceToken(input: $input) {\n      token\n      serviceToken {\n        id\n        name\n      }\n    }\n  }\n": types.AdminCreateServiceTokenDocument,
    "\n  mutation AdminRotateServiceToken($id: ID!) {\n    rotateServiceToken(id: $id) {\n      token\n      serviceToken {\n        id\n        name\n      }\n    }\n  }\n": types.AdminRotateServiceTokenDocument,
    "\n  mutation AdminRevokeServiceToken($id: ID!) {\n    revokeServiceToken(id: $id) {\n      id\n    }\n  }\n": types.AdminRevokeServiceTokenDocument,
    "\n  query AdminHome {\n    adminCategories {\n      id\n    }\n    adminMembers(filter: { held: true }, first: 100) {\n      edges {\n        node {\n          id\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": types.AdminHomeDocument,
    "\n  query AdminWebhookLog($id: ID!, $status: WebhookDeliveryStatus, $after: String) {\n    webhookEndpoint(id: $id) {\n      id\n      url\n      description\n      events\n      enabled\n      disabledReason\n      failingSince\n    }\n    webhookDeliveries(endpointId: $id, status: $status, first: 50, after: $after) {\n      edges {\n        node {\n          id\n          webhookId\n          eventType\n          subject\n          status\n          attempts\n          responseStatus\n          responseTimeMs\n          error\n          nextAttemptAt\n          lastAttemptAt\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AdminWebhookLogDocument,
    "\n  mutation ReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      id\n    }\n  }\n": types.ReplayWebhookDeliveryDocument,
    "\n  mutation ReplayWebhookEndpoint($input: ReplayWebhookEndpointInput!) {\n    replayWebhookEndpoint(input: $input) {\n      replayed\n    }\n  }\n": types.ReplayWebhookEndpointDocument,
    "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n    }\n  }\n": types.RotateWebhookSecretDocument,
    "\n  query AdminWebhooks {\n    webhookEventKinds {\n      type\n      label\n      description\n    }\n    webhookEndpoints {\n      id\n      url\n      description\n      events\n      enabled\n      disabledReason\n      failingSince\n    }\n  }\n": types.AdminWebhooksDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n        url\n      }\n      secret\n    }\n  }\n": types.CreateWebhookEndpointDocument,
    "\n  mutation EnableWebhookEndpoint($id: ID!) {\n    enableWebhookEndpoint(id: $id) {\n      id\n    }\n  }\n": types.EnableWebhookEndpointDocument,
    "\n  mutation DisableWebhookEndpoint($id: ID!) {\n    disableWebhookEndpoint(id: $id) {\n      id\n    }\n  }\n": types.DisableWebhookEndpointDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n": types.DeleteWebhookEndpointDocument,
    "\n  query ArticleReportState($id: ID!) {\n    article(id: $id) {\n      id\n      viewerCanReport\n      viewerReport {\n        reason\n      }\n    }\n  }\n": types.ArticleReportStateDocument,
    "\n  mutation ReportArticle($input: ReportArticleInput!) {\n    reportArticle(input: $input) {\n      report {\n        id\n      }\n    }\n  }\n": types.ReportArticleDocument,
    "\n  query Activity($filter: EventLogFilterInput, $after: String) {\n    events(filter: $filter, first: 30, after: $after) {\n      edges {\n        node {\n          id\n          name\n          subject\n          actorType\n          actorLabel\n          actor {\n            handle\n          }\n          data\n          occurredAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ActivityDocument,
    "\n  query AuditMember($handle: String!) {\n    member(handle: $handle) {\n      id\n    }\n  }\n": types.AuditMemberDocument,
    "\n  query AuditLog($filter: AuditLogFilterInput, $after: String) {\n    auditLog(filter: $filter, first: 30, after: $after) {\n      edges {\n        node {\n          id\n          name\n          subject\n          actorType\n          actorLabel\n          actor {\n            handle\n          }\n          data\n          before\n          after\n          reason\n          occurredAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  query ReviewQueue($after: String) {\n    reviewQueueStats {\n      open\n      oldestWaitingSeconds\n      handledToday\n      projectedClearSeconds\n      byAge {\n        bucket\n        count\n      }\n      handledPerReviewer {\n        reviewer {\n          handle\n        }\n        count\n      }\n    }\n    reviewQueue(first: 20, after: $after) {\n      edges {\n        node {\n          ...ReviewItemView\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ReviewQueueDocument,
    "\n  mutation ClaimReviewItem($itemId: ID!) {\n    claimReviewItem(itemId: $itemId) {\n      id\n    }\n  }\n": types.ClaimReviewItemDocument,
    "\n  mutation ResolveReviewItem($input: ResolveReviewItemInput!) {\n    resolveReviewItem(input: $input) {\n      id\n    }\n  }\n": types.ResolveReviewItemDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAvatar {\n    me {\n      id\n      handle\n      avatarUrl(size: 256)\n      hasUploadedAvatar\n    }\n  }\n"): (typeof documents)["\n  query MyAvatar {\n    me {\n      id\n      handle\n      avatarUrl(size: 256)\n      hasUploadedAvatar\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveAvatar {\n    removeAvatar {\n      member {\n        id\n        handle\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveAvatar {\n    removeAvatar {\n      member {\n        id\n        handle\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewMarkdown($body: String!) {\n    previewMarkdown(body: $body)\n  }\n"): (typeof documents)["\n  query PreviewMarkdown($body: String!) {\n    previewMarkdown(body: $body)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TagSuggestions($prefix: String!) {\n    tagSuggestions(prefix: $prefix, first: 8) {\n      tags {\n        name\n        threadCount\n      }\n      newTag {\n        name\n        allowed\n        reason\n        reputationNeeded\n      }\n    }\n  }\n"): (typeof documents)["\n  query TagSuggestions($prefix: String!) {\n    tagSuggestions(prefix: $prefix, first: 8) {\n      tags {\n        name\n        threadCount\n      }\n      newTag {\n        name\n        allowed\n        reason\n        reputationNeeded\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberSuggestions($prefix: String!) {\n    memberSuggestions(prefix: $prefix, first: 6) {\n      id\n      handle\n      reputation\n    }\n  }\n"): (typeof documents)["\n  query MemberSuggestions($prefix: String!) {\n    memberSuggestions(prefix: $prefix, first: 6) {\n      id\n      handle\n      reputation\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberCustomer($handle: String!) {\n    member(handle: $handle) {\n      id\n      customer {\n        id\n        externalId\n        name\n        company\n      }\n    }\n  }\n"): (typeof documents)["\n  query MemberCustomer($handle: String!) {\n    member(handle: $handle) {\n      id\n      customer {\n        id\n        externalId\n        name\n        company\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerView($id: ID!, $after: String) {\n    customer(id: $id) {\n      id\n      externalId\n      name\n      company\n      segment\n      lifetimeValueCents\n      currency\n      emails\n      socialHandles\n      consent {\n        email\n        analytics\n      }\n      crmUpdatedAt\n      products {\n        sku\n        name\n        version\n      }\n      memberLinks {\n        how\n        linkedAt\n        member {\n          id\n          handle\n          avatarUrl\n          role\n          isAdvocate\n        }\n        linkedBy {\n          handle\n        }\n      }\n      timeline(first: 25, after: $after) {\n        edges {\n          node {\n            id\n            kind\n            occurredAt\n            threadId\n            postId\n            articleId\n            title\n            threadStatus\n            badgeName\n            sanctionKind\n            detail\n            member {\n              handle\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      signals {\n        openIssues {\n          unresolvedQuestions\n          oldestWaitingSince\n          threads {\n            id\n            title\n            createdAt\n            replyCount\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerView($id: ID!, $after: String) {\n    customer(id: $id) {\n      id\n      externalId\n      name\n      company\n      segment\n      lifetimeValueCents\n      currency\n      emails\n      socialHandles\n      consent {\n        email\n        analytics\n      }\n      crmUpdatedAt\n      products {\n        sku\n        name\n        version\n      }\n      memberLinks {\n        how\n        linkedAt\n        member {\n          id\n          handle\n          avatarUrl\n          role\n          isAdvocate\n        }\n        linkedBy {\n          handle\n        }\n      }\n      timeline(first: 25, after: $after) {\n        edges {\n          node {\n            id\n            kind\n            occurredAt\n            threadId\n            postId\n            articleId\n            title\n            threadStatus\n            badgeName\n            sanctionKind\n            detail\n            member {\n              handle\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      signals {\n        openIssues {\n          unresolvedQuestions\n          oldestWaitingSince\n          threads {\n            id\n            title\n            createdAt\n            replyCount\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnlinkCustomer($input: CustomerLinkInput!) {\n    unlinkCustomer(input: $input) {\n      customer {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UnlinkCustomer($input: CustomerLinkInput!) {\n    unlinkCustomer(input: $input) {\n      customer {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SimilarQuestions($title: String!, $body: String) {\n    similarQuestions(title: $title, body: $body, first: 5) {\n      ...SearchHitFields\n    }\n  }\n"): (typeof documents)["\n  query SimilarQuestions($title: String!, $body: String) {\n    similarQuestions(title: $title, body: $body, first: 5) {\n      ...SearchHitFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordSuggestionsShown($sessionId: String!, $suggestions: [SuggestionInput!]!) {\n    recordSuggestionsShown(sessionId: $sessionId, suggestions: $suggestions)\n  }\n"): (typeof documents)["\n  mutation RecordSuggestionsShown($sessionId: String!, $suggestions: [SuggestionInput!]!) {\n    recordSuggestionsShown(sessionId: $sessionId, suggestions: $suggestions)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordSuggestionClicked($sessionId: String!, $suggestion: SuggestionInput!) {\n    recordSuggestionClicked(sessionId: $sessionId, suggestion: $suggestion)\n  }\n"): (typeof documents)["\n  mutation RecordSuggestionClicked($sessionId: String!, $suggestion: SuggestionInput!) {\n    recordSuggestionClicked(sessionId: $sessionId, suggestion: $suggestion)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordQuestionAsked($sessionId: String!, $threadId: ID!) {\n    recordQuestionAsked(sessionId: $sessionId, threadId: $threadId)\n  }\n"): (typeof documents)["\n  mutation RecordQuestionAsked($sessionId: String!, $threadId: ID!) {\n    recordQuestionAsked(sessionId: $sessionId, threadId: $threadId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeflectionStats($days: Int!) {\n    deflectionStats(days: $days, top: 20) {\n      sessions\n      asked\n      deflectedSessions\n      shown\n      clicked\n      deflected\n      failed\n      potential\n      pending\n      targets {\n        kind\n        shown\n        clicked\n        deflected\n        failed\n        potential\n        pending\n        article {\n          id\n          title\n        }\n        thread {\n          id\n          title\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DeflectionStats($days: Int!) {\n    deflectionStats(days: $days, top: 20) {\n      sessions\n      asked\n      deflectedSessions\n      shown\n      clicked\n      deflected\n      failed\n      potential\n      pending\n      targets {\n        kind\n        shown\n        clicked\n        deflected\n        failed\n        potential\n        pending\n        article {\n          id\n          title\n        }\n        thread {\n          id\n          title\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n"): (typeof documents)["\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendVerificationEmail {\n    resendVerificationEmail\n  }\n"): (typeof documents)["\n  mutation ResendVerificationEmail {\n    resendVerificationEmail\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EmailUnsubscribeLink($token: String!) {\n    emailUnsubscribeLink(token: $token) {\n      handle\n      digest\n      kinds\n      labels\n    }\n  }\n"): (typeof documents)["\n  query EmailUnsubscribeLink($token: String!) {\n    emailUnsubscribeLink(token: $token) {\n      handle\n      digest\n      kinds\n      labels\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnsubscribeFromEmails($token: String!) {\n    unsubscribeFromEmails(token: $token) {\n      handle\n      digest\n      kinds\n      labels\n    }\n  }\n"): (typeof documents)["\n  mutation UnsubscribeFromEmails($token: String!) {\n    unsubscribeFromEmails(token: $token) {\n      handle\n      digest\n      kinds\n      labels\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HiddenInfluencers($first: Int) {\n    hiddenInfluencers(first: $first) {\n      member {\n        id\n        handle\n        reputation\n      }\n      rank\n      outOf\n      why\n      nominatedAt\n      influence {\n        score\n        computedAt\n        parts {\n          name\n          value\n          weight\n          explanation\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query HiddenInfluencers($first: Int) {\n    hiddenInfluencers(first: $first) {\n      member {\n        id\n        handle\n        reputation\n      }\n      rank\n      outOf\n      why\n      nominatedAt\n      influence {\n        score\n        computedAt\n        parts {\n          name\n          value\n          weight\n          explanation\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation NominateAdvocate($memberId: ID!) {\n    nominateAdvocate(memberId: $memberId) {\n      id\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  mutation NominateAdvocate($memberId: ID!) {\n    nominateAdvocate(memberId: $memberId) {\n      id\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ArticleRow on Article {\n    id\n    title\n    issue\n    state\n    tags\n    helpfulCount\n    needsReview\n    needsReviewReason\n    hasStagedVersion\n    publishedAt\n    verifiedAt\n    updatedAt\n    createdAt\n    category {\n      id\n      slug\n      name\n    }\n    sourceThread {\n      id\n      title\n    }\n  }\n"): (typeof documents)["\n  fragment ArticleRow on Article {\n    id\n    title\n    issue\n    state\n    tags\n    helpfulCount\n    needsReview\n    needsReviewReason\n    hasStagedVersion\n    publishedAt\n    verifiedAt\n    updatedAt\n    createdAt\n    category {\n      id\n      slug\n      name\n    }\n    sourceThread {\n      id\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KnowledgeHome($filter: ArticleFilterInput, $after: String) {\n    categories {\n      id\n      name\n    }\n    articles(filter: $filter, first: 20, after: $after) {\n      edges {\n        node {\n          ...ArticleRow\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query KnowledgeHome($filter: ArticleFilterInput, $after: String) {\n    categories {\n      id\n      name\n    }\n    articles(filter: $filter, first: 20, after: $after) {\n      edges {\n        node {\n          ...ArticleRow\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArticlePage($id: ID!) {\n    article(id: $id) {\n      id\n      title\n      state\n      issue\n      issueHtml\n      environmentHtml\n      resolutionHtml\n      causeHtml\n      tags\n      category {\n        id\n        slug\n        name\n      }\n      sourceThread {\n        id\n        title\n      }\n      contributors {\n        role\n        member {\n          handle\n        }\n      }\n      needsReview\n      needsReviewReason\n      needsReviewDiff\n      hasStagedVersion\n      currentVersion\n      publishedVersion\n      publishedAt\n      verifiedAt\n      verifiedBy {\n        handle\n      }\n      archivedAt\n      archiveReason\n      reviewBy\n      createdAt\n      updatedAt\n      helpfulCount\n      notHelpfulCount\n      viewerRating\n      viewCount\n      versions {\n        number\n        author {\n          handle\n        }\n        createdAt\n        changed\n        note\n      }\n      viewerCan {\n        edit\n        submit\n        publish\n        archive\n        verify\n        rate\n        review\n      }\n    }\n  }\n"): (typeof documents)["\n  query ArticlePage($id: ID!) {\n    article(id: $id) {\n      id\n      title\n      state\n      issue\n      issueHtml\n      environmentHtml\n      resolutionHtml\n      causeHtml\n      tags\n      category {\n        id\n        slug\n        name\n      }\n      sourceThread {\n        id\n        title\n      }\n      contributors {\n        role\n        member {\n          handle\n        }\n      }\n      needsReview\n      needsReviewReason\n      needsReviewDiff\n      hasStagedVersion\n      currentVersion\n      publishedVersion\n      publishedAt\n      verifiedAt\n      verifiedBy {\n        handle\n      }\n      archivedAt\n      archiveReason\n      reviewBy\n      createdAt\n      updatedAt\n      helpfulCount\n      notHelpfulCount\n      viewerRating\n      viewCount\n      versions {\n        number\n        author {\n          handle\n        }\n        createdAt\n        changed\n        note\n      }\n      viewerCan {\n        edit\n        submit\n        publish\n        archive\n        verify\n        rate\n        review\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArticleDiff($id: ID!, $from: Int!, $to: Int!) {\n    article(id: $id) {\n      id\n      diff(from: $from, to: $to) {\n        field\n        diff\n      }\n    }\n  }\n"): (typeof documents)["\n  query ArticleDiff($id: ID!, $from: Int!, $to: Int!) {\n    article(id: $id) {\n      id\n      diff(from: $from, to: $to) {\n        field\n        diff\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArticleEdit($id: ID!) {\n    article(id: $id) {\n      id\n      title\n      state\n      hasStagedVersion\n      currentVersion\n      reviewBy\n      versions {\n        number\n        title\n        issue\n        environment\n        resolution\n        cause\n        tags\n      }\n      viewerCan {\n        edit\n      }\n    }\n  }\n"): (typeof documents)["\n  query ArticleEdit($id: ID!) {\n    article(id: $id) {\n      id\n      title\n      state\n      hasStagedVersion\n      currentVersion\n      reviewBy\n      versions {\n        number\n        title\n        issue\n        environment\n        resolution\n        cause\n        tags\n      }\n      viewerCan {\n        edit\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KnowledgeQueue($after: String) {\n    articleReviewQueue(first: 30, after: $after) {\n      edges {\n        node {\n          ...ArticleRow\n          queuedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query KnowledgeQueue($after: String) {\n    articleReviewQueue(first: 30, after: $after) {\n      edges {\n        node {\n          ...ArticleRow\n          queuedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordArticleView($articleId: ID!) {\n    recordArticleView(articleId: $articleId)\n  }\n"): (typeof documents)["\n  mutation RecordArticleView($articleId: ID!) {\n    recordArticleView(articleId: $articleId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RateArticle($input: RateArticleInput!) {\n    rateArticle(input: $input) {\n      id\n      helpfulCount\n      notHelpfulCount\n    }\n  }\n"): (typeof documents)["\n  mutation RateArticle($input: RateArticleInput!) {\n    rateArticle(input: $input) {\n      id\n      helpfulCount\n      notHelpfulCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateArticle($input: UpdateArticleInput!) {\n    updateArticle(input: $input) {\n      id\n      hasStagedVersion\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateArticle($input: UpdateArticleInput!) {\n    updateArticle(input: $input) {\n      id\n      hasStagedVersion\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateArticle($input: CreateArticleInput!) {\n    createArticle(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateArticle($input: CreateArticleInput!) {\n    createArticle(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitArticle($articleId: ID!) {\n    submitArticle(articleId: $articleId) {\n      id\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitArticle($articleId: ID!) {\n    submitArticle(articleId: $articleId) {\n      id\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishArticle($articleId: ID!) {\n    publishArticle(articleId: $articleId) {\n      id\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation PublishArticle($articleId: ID!) {\n    publishArticle(articleId: $articleId) {\n      id\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyArticle($articleId: ID!) {\n    verifyArticle(articleId: $articleId) {\n      id\n      needsReview\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyArticle($articleId: ID!) {\n    verifyArticle(articleId: $articleId) {\n      id\n      needsReview\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveArticle($input: ArchiveArticleInput!) {\n    archiveArticle(input: $input) {\n      id\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation ArchiveArticle($input: ArchiveArticleInput!) {\n    archiveArticle(input: $input) {\n      id\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ThreadActivity($threadId: ID!, $after: ID) {\n    threadActivity(threadId: $threadId, after: $after) {\n      eventId\n      kind\n      postId\n    }\n  }\n"): (typeof documents)["\n  subscription ThreadActivity($threadId: ID!, $after: ID) {\n    threadActivity(threadId: $threadId, after: $after) {\n      eventId\n      kind\n      postId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationAdded($after: ID) {\n    notificationAdded(after: $after) {\n      id\n      message\n    }\n  }\n"): (typeof documents)["\n  subscription NotificationAdded($after: ID) {\n    notificationAdded(after: $after) {\n      id\n      message\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FlagPost($input: FlagPostInput!) {\n    flagPost(input: $input) {\n      post {\n        id\n        isHidden\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation FlagPost($input: FlagPostInput!) {\n    flagPost(input: $input) {\n      post {\n        id\n        isHidden\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HidePost($input: HidePostInput!) {\n    hidePost(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation HidePost($input: HidePostInput!) {\n    hidePost(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnhidePost($input: UnhidePostInput!) {\n    unhidePost(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation UnhidePost($input: UnhidePostInput!) {\n    unhidePost(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LockThread($input: LockThreadInput!) {\n    lockThread(input: $input) {\n      thread {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LockThread($input: LockThreadInput!) {\n    lockThread(input: $input) {\n      thread {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnlockThread($input: ThreadReasonInput!) {\n    unlockThread(input: $input) {\n      thread {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UnlockThread($input: ThreadReasonInput!) {\n    unlockThread(input: $input) {\n      thread {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseThread($input: CloseThreadInput!) {\n    closeThread(input: $input) {\n      thread {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CloseThread($input: CloseThreadInput!) {\n    closeThread(input: $input) {\n      thread {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReopenThread($input: ThreadReasonInput!) {\n    reopenThread(input: $input) {\n      thread {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ReopenThread($input: ThreadReasonInput!) {\n    reopenThread(input: $input) {\n      thread {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveThread($input: MoveThreadInput!) {\n    moveThread(input: $input) {\n      thread {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MoveThread($input: MoveThreadInput!) {\n    moveThread(input: $input) {\n      thread {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MergeThread($input: MergeThreadInput!) {\n    mergeThread(input: $input) {\n      into {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MergeThread($input: MergeThreadInput!) {\n    mergeThread(input: $input) {\n      into {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PinThread($input: PinThreadInput!) {\n    pinThread(input: $input) {\n      thread {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PinThread($input: PinThreadInput!) {\n    pinThread(input: $input) {\n      thread {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnpinThread($threadId: ID!) {\n    unpinThread(threadId: $threadId) {\n      thread {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UnpinThread($threadId: ID!) {\n    unpinThread(threadId: $threadId) {\n      thread {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReviewItemView on ReviewItem {\n    id\n    kind\n    status\n    staffOnly\n    createdAt\n    claimExpiresAt\n    claimedBy {\n      handle\n    }\n    agreedAt\n    agreedBy {\n      handle\n    }\n    article {\n      id\n      title\n    }\n    reports {\n      id\n      reason\n      note\n      reporter {\n        handle\n      }\n    }\n    post {\n      id\n      body\n      isQuestion\n      isHidden\n      thread {\n        id\n        title\n      }\n    }\n    author {\n      handle\n    }\n    history {\n      accountAge\n      previousFlags\n      previousFlagsAgreed\n      previousFlagsDisagreed\n      sanctions {\n        id\n        kind\n        reason\n        startsAt\n        until\n        liftedAt\n      }\n    }\n    flags {\n      id\n      reason\n      note\n      flagger {\n        handle\n      }\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  fragment ReviewItemView on ReviewItem {\n    id\n    kind\n    status\n    staffOnly\n    createdAt\n    claimExpiresAt\n    claimedBy {\n      handle\n    }\n    agreedAt\n    agreedBy {\n      handle\n    }\n    article {\n      id\n      title\n    }\n    reports {\n      id\n      reason\n      note\n      reporter {\n        handle\n      }\n    }\n    post {\n      id\n      body\n      isQuestion\n      isHidden\n      thread {\n        id\n        title\n      }\n    }\n    author {\n      handle\n    }\n    history {\n      accountAge\n      previousFlags\n      previousFlagsAgreed\n      previousFlagsDisagreed\n      sanctions {\n        id\n        kind\n        reason\n        startsAt\n        until\n        liftedAt\n      }\n    }\n    flags {\n      id\n      reason\n      note\n      flagger {\n        handle\n      }\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberModeration($handle: String!) {\n    member(handle: $handle) {\n      id\n      sanction {\n        id\n        kind\n        until\n        reason\n      }\n      sanctionHistory(first: 10) {\n        edges {\n          node {\n            id\n            kind\n            reason\n            startsAt\n            until\n            liftedAt\n            imposedBy {\n              handle\n            }\n            liftedBy {\n              handle\n            }\n          }\n        }\n      }\n      staffNotes(first: 50) {\n        edges {\n          node {\n            id\n            bodyHtml\n            createdAt\n            viewerCanDelete\n            author {\n              handle\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MemberModeration($handle: String!) {\n    member(handle: $handle) {\n      id\n      sanction {\n        id\n        kind\n        until\n        reason\n      }\n      sanctionHistory(first: 10) {\n        edges {\n          node {\n            id\n            kind\n            reason\n            startsAt\n            until\n            liftedAt\n            imposedBy {\n              handle\n            }\n            liftedBy {\n              handle\n            }\n          }\n        }\n      }\n      staffNotes(first: 50) {\n        edges {\n          node {\n            id\n            bodyHtml\n            createdAt\n            viewerCanDelete\n            author {\n              handle\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SilenceMember($input: SanctionInput!) {\n    silenceMember(input: $input) {\n      sanction {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SilenceMember($input: SanctionInput!) {\n    silenceMember(input: $input) {\n      sanction {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SuspendMember($input: SanctionInput!) {\n    suspendMember(input: $input) {\n      sanction {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SuspendMember($input: SanctionInput!) {\n    suspendMember(input: $input) {\n      sanction {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LiftSanction($memberId: ID!) {\n    liftSanction(memberId: $memberId) {\n      lifted {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LiftSanction($memberId: ID!) {\n    liftSanction(memberId: $memberId) {\n      lifted {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddStaffNote($input: AddStaffNoteInput!) {\n    addStaffNote(input: $input) {\n      note {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddStaffNote($input: AddStaffNoteInput!) {\n    addStaffNote(input: $input) {\n      note {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteStaffNote($id: ID!) {\n    deleteStaffNote(id: $id) {\n      deletedNoteId\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteStaffNote($id: ID!) {\n    deleteStaffNote(id: $id) {\n      deletedNoteId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationsPage($first: Int, $after: String, $unreadOnly: Boolean) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      edges {\n        node {\n          id\n          kind\n          readAt\n          createdAt\n          message\n          path\n          actor {\n            handle\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    unreadNotificationCount\n  }\n"): (typeof documents)["\n  query NotificationsPage($first: Int, $after: String, $unreadOnly: Boolean) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      edges {\n        node {\n          id\n          kind\n          readAt\n          createdAt\n          message\n          path\n          actor {\n            handle\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    unreadNotificationCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids) {\n      marked\n      unreadNotificationCount\n    }\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids) {\n      marked\n      unreadNotificationCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationPreferences {\n    notificationPreferences {\n      kind\n      email\n      isDefault\n      enabled\n      canTurnOff\n    }\n  }\n"): (typeof documents)["\n  query NotificationPreferences {\n    notificationPreferences {\n      kind\n      email\n      isDefault\n      enabled\n      canTurnOff\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetNotificationPreferences($input: SetNotificationPreferencesInput!) {\n    setNotificationPreferences(input: $input) {\n      kind\n      email\n      enabled\n    }\n  }\n"): (typeof documents)["\n  mutation SetNotificationPreferences($input: SetNotificationPreferencesInput!) {\n    setNotificationPreferences(input: $input) {\n      kind\n      email\n      enabled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FollowThread($id: ID!) {\n    followThread(threadId: $id) {\n      thread {\n        id\n        viewerWatch\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation FollowThread($id: ID!) {\n    followThread(threadId: $id) {\n      thread {\n        id\n        viewerWatch\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MuteThread($id: ID!) {\n    muteThread(threadId: $id) {\n      thread {\n        id\n        viewerWatch\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MuteThread($id: ID!) {\n    muteThread(threadId: $id) {\n      thread {\n        id\n        viewerWatch\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnwatchThread($id: ID!) {\n    unwatchThread(threadId: $id) {\n      thread {\n        id\n        viewerWatch\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UnwatchThread($id: ID!) {\n    unwatchThread(threadId: $id) {\n      thread {\n        id\n        viewerWatch\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FollowCategory($id: ID!) {\n    followCategory(categoryId: $id) {\n      category {\n        id\n        viewerWatch\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation FollowCategory($id: ID!) {\n    followCategory(categoryId: $id) {\n      category {\n        id\n        viewerWatch\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MuteCategory($id: ID!) {\n    muteCategory(categoryId: $id) {\n      category {\n        id\n        viewerWatch\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MuteCategory($id: ID!) {\n    muteCategory(categoryId: $id) {\n      category {\n        id\n        viewerWatch\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnwatchCategory($id: ID!) {\n    unwatchCategory(categoryId: $id) {\n      category {\n        id\n        viewerWatch\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UnwatchCategory($id: ID!) {\n    unwatchCategory(categoryId: $id) {\n      category {\n        id\n        viewerWatch\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PostHistory($id: ID!) {\n    post(id: $id) {\n      id\n      isQuestion\n      thread {\n        id\n        title\n      }\n      revisions {\n        id\n        revision\n        title\n        tags\n        body\n        reason\n        createdAt\n        editor {\n          handle\n          avatarUrl(size: 64)\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PostHistory($id: ID!) {\n    post(id: $id) {\n      id\n      isQuestion\n      thread {\n        id\n        title\n      }\n      revisions {\n        id\n        revision\n        title\n        tags\n        body\n        reason\n        createdAt\n        editor {\n          handle\n          avatarUrl(size: 64)\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SearchHitFields on SearchHit {\n    kind\n    title\n    snippetHtml\n    url\n    createdAt\n    thread {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  fragment SearchHitFields on SearchHit {\n    kind\n    title\n    snippetHtml\n    url\n    createdAt\n    thread {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchPage($query: String!, $filter: SearchFilterInput, $sort: SearchSort!, $after: String) {\n    search(query: $query, filter: $filter, sort: $sort, first: 20, after: $after) {\n      edges {\n        cursor\n        node {\n          ...SearchHitFields\n          member {\n            handle\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      total {\n        value\n        exact\n      }\n      degraded\n      engine\n    }\n  }\n"): (typeof documents)["\n  query SearchPage($query: String!, $filter: SearchFilterInput, $sort: SearchSort!, $after: String) {\n    search(query: $query, filter: $filter, sort: $sort, first: 20, after: $after) {\n      edges {\n        cursor\n        node {\n          ...SearchHitFields\n          member {\n            handle\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      total {\n        value\n        exact\n      }\n      degraded\n      engine\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchCategories {\n    categories {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query SearchCategories {\n    categories {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArticleRelated($id: ID!) {\n    article(id: $id) {\n      id\n      related(first: 5) {\n        ...SearchHitFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ArticleRelated($id: ID!) {\n    article(id: $id) {\n      id\n      related(first: 5) {\n        ...SearchHitFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ThreadRelated($id: ID!) {\n    thread(id: $id) {\n      id\n      related(first: 5) {\n        ...SearchHitFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ThreadRelated($id: ID!) {\n    thread(id: $id) {\n      id\n      related(first: 5) {\n        ...SearchHitFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    me {\n      id\n      handle\n      avatarUrl(size: 64)\n      role\n      emailVerified\n      isAdvocate\n      privileges {\n        held {\n          key\n        }\n      }\n      sanction {\n        kind\n        until\n        reason\n      }\n    }\n    unreadNotificationCount\n  }\n"): (typeof documents)["\n  query Viewer {\n    me {\n      id\n      handle\n      avatarUrl(size: 64)\n      role\n      emailVerified\n      isAdvocate\n      privileges {\n        held {\n          key\n        }\n      }\n      sanction {\n        kind\n        until\n        reason\n      }\n    }\n    unreadNotificationCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Home($after: String) {\n    categories {\n      id\n      slug\n      name\n      description\n      kind\n      threadCount\n    }\n    threads(first: 20, after: $after, order: LATEST) {\n      ...ThreadList\n    }\n  }\n"): (typeof documents)["\n  query Home($after: String) {\n    categories {\n      id\n      slug\n      name\n      description\n      kind\n      threadCount\n    }\n    threads(first: 20, after: $after, order: LATEST) {\n      ...ThreadList\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ThreadList on ThreadConnection {\n    edges {\n      node {\n        id\n        title\n        status\n        tags\n        score\n        replyCount\n        viewCount\n        lastActivityAt\n        createdAt\n        pinnedScope\n        author {\n          handle\n        }\n        category {\n          slug\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n"): (typeof documents)["\n  fragment ThreadList on ThreadConnection {\n    edges {\n      node {\n        id\n        title\n        status\n        tags\n        score\n        replyCount\n        viewCount\n        lastActivityAt\n        createdAt\n        pinnedScope\n        author {\n          handle\n        }\n        category {\n          slug\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CategoryPage($slug: String!, $first: Int, $after: String, $filter: ThreadFilterInput, $order: ThreadOrder) {\n    category(slug: $slug) {\n      id\n      slug\n      name\n      description\n      kind\n      threadCount\n      viewerWatch\n    }\n    threads(first: $first, after: $after, filter: $filter, order: $order) {\n      ...ThreadList\n    }\n  }\n"): (typeof documents)["\n  query CategoryPage($slug: String!, $first: Int, $after: String, $filter: ThreadFilterInput, $order: ThreadOrder) {\n    category(slug: $slug) {\n      id\n      slug\n      name\n      description\n      kind\n      threadCount\n      viewerWatch\n    }\n    threads(first: $first, after: $after, filter: $filter, order: $order) {\n      ...ThreadList\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ThreadPage($id: ID!, $after: String) {\n    categories {\n      id\n      name\n    }\n    thread(id: $id) {\n      id\n      title\n      status\n      tags\n      score\n      viewCount\n      replyCount\n      createdAt\n      lastActivityAt\n      author {\n        handle\n      }\n      closeReason\n      closeNote\n      pinnedScope\n      duplicateOf {\n        id\n        title\n      }\n      mergedInto {\n        id\n        title\n      }\n      category {\n        id\n        slug\n        name\n      }\n      viewerCan {\n        reply\n        accept\n        moderate\n        close\n        move\n        merge\n        pin\n      }\n      viewerWatch\n      routedTo {\n        member {\n          handle\n        }\n        reason\n      }\n      article {\n        id\n        title\n        state\n      }\n      question {\n        ...PostView\n      }\n      acceptedAnswer {\n        ...PostView\n      }\n      replies(first: 30, after: $after) {\n        edges {\n          node {\n            ...PostView\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ThreadPage($id: ID!, $after: String) {\n    categories {\n      id\n      name\n    }\n    thread(id: $id) {\n      id\n      title\n      status\n      tags\n      score\n      viewCount\n      replyCount\n      createdAt\n      lastActivityAt\n      author {\n        handle\n      }\n      closeReason\n      closeNote\n      pinnedScope\n      duplicateOf {\n        id\n        title\n      }\n      mergedInto {\n        id\n        title\n      }\n      category {\n        id\n        slug\n        name\n      }\n      viewerCan {\n        reply\n        accept\n        moderate\n        close\n        move\n        merge\n        pin\n      }\n      viewerWatch\n      routedTo {\n        member {\n          handle\n        }\n        reason\n      }\n      article {\n        id\n        title\n        state\n      }\n      question {\n        ...PostView\n      }\n      acceptedAnswer {\n        ...PostView\n      }\n      replies(first: 30, after: $after) {\n        edges {\n          node {\n            ...PostView\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PostView on Post {\n    id\n    body\n    bodyHtml\n    score\n    viewerVote\n    isAccepted\n    isQuestion\n    createdAt\n    editedAt\n    staffPickedAt\n    isHidden\n    hiddenNotice\n    viewerFlag {\n      reason\n    }\n    author {\n      handle\n      avatarUrl(size: 64)\n      role\n      isAdvocate\n      level {\n        name\n      }\n      badgeCounts {\n        gold\n        silver\n        bronze\n      }\n    }\n    revisions {\n      revision\n    }\n    viewerCan {\n      vote\n      upvote {\n        allowed\n        reason\n      }\n      downvote {\n        allowed\n        reason\n      }\n      edit\n      delete\n      accept\n      remove\n      staffPick\n      hide\n      flag {\n        allowed\n        reason\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment PostView on Post {\n    id\n    body\n    bodyHtml\n    score\n    viewerVote\n    isAccepted\n    isQuestion\n    createdAt\n    editedAt\n    staffPickedAt\n    isHidden\n    hiddenNotice\n    viewerFlag {\n      reason\n    }\n    author {\n      handle\n      avatarUrl(size: 64)\n      role\n      isAdvocate\n      level {\n        name\n      }\n      badgeCounts {\n        gold\n        silver\n        bronze\n      }\n    }\n    revisions {\n      revision\n    }\n    viewerCan {\n      vote\n      upvote {\n        allowed\n        reason\n      }\n      downvote {\n        allowed\n        reason\n      }\n      edit\n      delete\n      accept\n      remove\n      staffPick\n      hide\n      flag {\n        allowed\n        reason\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordView($threadId: ID!) {\n    recordThreadView(threadId: $threadId)\n  }\n"): (typeof documents)["\n  mutation RecordView($threadId: ID!) {\n    recordThreadView(threadId: $threadId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AskCategories {\n    categories {\n      id\n      slug\n      name\n      kind\n    }\n    me {\n      id\n      role\n    }\n  }\n"): (typeof documents)["\n  query AskCategories {\n    categories {\n      id\n      slug\n      name\n      kind\n    }\n    me {\n      id\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AskQuestion($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AskQuestion($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PostReply($input: PostReplyInput!) {\n    postReply(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation PostReply($input: PostReplyInput!) {\n    postReply(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Vote($input: VoteInput!) {\n    vote(input: $input) {\n      id\n      score\n      viewerVote\n    }\n  }\n"): (typeof documents)["\n  mutation Vote($input: VoteInput!) {\n    vote(input: $input) {\n      id\n      score\n      viewerVote\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Accept($postId: ID!) {\n    acceptAnswer(postId: $postId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation Accept($postId: ID!) {\n    acceptAnswer(postId: $postId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Unaccept($threadId: ID!) {\n    unacceptAnswer(threadId: $threadId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation Unaccept($threadId: ID!) {\n    unacceptAnswer(threadId: $threadId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditPost($input: EditPostInput!) {\n    editPost(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation EditPost($input: EditPostInput!) {\n    editPost(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeletePost($postId: ID!) {\n    deletePost(postId: $postId)\n  }\n"): (typeof documents)["\n  mutation DeletePost($postId: ID!) {\n    deletePost(postId: $postId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemovePost($input: RemovePostInput!) {\n    removePost(input: $input)\n  }\n"): (typeof documents)["\n  mutation RemovePost($input: RemovePostInput!) {\n    removePost(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestorePost($postId: ID!) {\n    restorePost(postId: $postId) {\n      id\n      thread {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RestorePost($postId: ID!) {\n    restorePost(postId: $postId) {\n      id\n      thread {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StaffPick($postId: ID!) {\n    staffPick(postId: $postId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation StaffPick($postId: ID!) {\n    staffPick(postId: $postId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawStaffPick($postId: ID!) {\n    withdrawStaffPick(postId: $postId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawStaffPick($postId: ID!) {\n    withdrawStaffPick(postId: $postId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RemovedPosts($after: String) {\n    removedPosts(first: 25, after: $after) {\n      edges {\n        node {\n          id\n          isQuestion\n          bodyHtml\n          createdAt\n          author {\n            handle\n          }\n          thread {\n            id\n            title\n          }\n          removal {\n            at\n            reason\n            by {\n              handle\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query RemovedPosts($after: String) {\n    removedPosts(first: 25, after: $after) {\n      edges {\n        node {\n          id\n          isQuestion\n          bodyHtml\n          createdAt\n          author {\n            handle\n          }\n          thread {\n            id\n            title\n          }\n          removal {\n            at\n            reason\n            by {\n              handle\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetStatus($input: SetThreadStatusInput!) {\n    setThreadStatus(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation SetStatus($input: SetThreadStatusInput!) {\n    setThreadStatus(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      member {\n        handle\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      member {\n        handle\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      token\n      member {\n        handle\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      token\n      member {\n        handle\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberPage(\n    $handle: String!\n    $after: String\n    $questionsAfter: String\n    $solutionsAfter: String\n    $articlesAfter: String\n  ) {\n    member(handle: $handle) {\n      id\n      handle\n      avatarUrl(size: 256)\n      role\n      createdAt\n      reputation\n      isAdvocate\n      advocateCategories {\n        id\n        name\n        slug\n      }\n      level {\n        name\n        min\n        next\n        progress\n      }\n      badges {\n        badge {\n          key\n          name\n          description\n          tier\n          perPost\n        }\n        count\n        reason\n        postId\n        firstAwardedAt\n        lastAwardedAt\n      }\n      badgeCounts {\n        ...BadgeCountsView\n      }\n      privileges {\n        held {\n          ...PrivilegeView\n        }\n        next {\n          ...PrivilegeView\n        }\n      }\n      reputationHistory(first: 20, after: $after) {\n        edges {\n          node {\n            id\n            kind\n            points\n            uncappedPoints\n            postId\n            threadId\n            reason\n            createdAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      acceptedAnswers(first: 10, after: $solutionsAfter) {\n        edges {\n          node {\n            id\n            acceptedAt\n            score\n            thread {\n              id\n              title\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      knowledgeArticles(first: 10, after: $articlesAfter) {\n        edges {\n          node {\n            id\n            title\n            publishedAt\n            helpfulCount\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n    threads(first: 20, after: $questionsAfter, filter: { authorHandle: $handle }, order: NEWEST) {\n      ...ThreadList\n    }\n    categories {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query MemberPage(\n    $handle: String!\n    $after: String\n    $questionsAfter: String\n    $solutionsAfter: String\n    $articlesAfter: String\n  ) {\n    member(handle: $handle) {\n      id\n      handle\n      avatarUrl(size: 256)\n      role\n      createdAt\n      reputation\n      isAdvocate\n      advocateCategories {\n        id\n        name\n        slug\n      }\n      level {\n        name\n        min\n        next\n        progress\n      }\n      badges {\n        badge {\n          key\n          name\n          description\n          tier\n          perPost\n        }\n        count\n        reason\n        postId\n        firstAwardedAt\n        lastAwardedAt\n      }\n      badgeCounts {\n        ...BadgeCountsView\n      }\n      privileges {\n        held {\n          ...PrivilegeView\n        }\n        next {\n          ...PrivilegeView\n        }\n      }\n      reputationHistory(first: 20, after: $after) {\n        edges {\n          node {\n            id\n            kind\n            points\n            uncappedPoints\n            postId\n            threadId\n            reason\n            createdAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      acceptedAnswers(first: 10, after: $solutionsAfter) {\n        edges {\n          node {\n            id\n            acceptedAt\n            score\n            thread {\n              id\n              title\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n      knowledgeArticles(first: 10, after: $articlesAfter) {\n        edges {\n          node {\n            id\n            title\n            publishedAt\n            helpfulCount\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n    threads(first: 20, after: $questionsAfter, filter: { authorHandle: $handle }, order: NEWEST) {\n      ...ThreadList\n    }\n    categories {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BadgeCountsView on BadgeCounts {\n    gold\n    silver\n    bronze\n  }\n"): (typeof documents)["\n  fragment BadgeCountsView on BadgeCounts {\n    gold\n    silver\n    bronze\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PrivilegeView on Privilege {\n    key\n    label\n    reputation\n  }\n"): (typeof documents)["\n  fragment PrivilegeView on Privilege {\n    key\n    label\n    reputation\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GrantAdvocate($input: GrantAdvocateInput!) {\n    grantAdvocate(input: $input) {\n      id\n      isAdvocate\n      advocateCategories {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation GrantAdvocate($input: GrantAdvocateInput!) {\n    grantAdvocate(input: $input) {\n      id\n      isAdvocate\n      advocateCategories {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeAdvocate($input: AdvocateInput!) {\n    revokeAdvocate(input: $input) {\n      id\n      isAdvocate\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeAdvocate($input: AdvocateInput!) {\n    revokeAdvocate(input: $input) {\n      id\n      isAdvocate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Leaderboard($period: LeaderboardPeriod!, $categoryId: ID, $ranking: LeaderboardRanking!) {\n    leaderboard(period: $period, categoryId: $categoryId, ranking: $ranking, first: 50) {\n      rank\n      points\n      accepted\n      member {\n        handle\n        avatarUrl(size: 64)\n        reputation\n        isAdvocate\n        level {\n          name\n        }\n      }\n    }\n    categories {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query Leaderboard($period: LeaderboardPeriod!, $categoryId: ID, $ranking: LeaderboardRanking!) {\n    leaderboard(period: $period, categoryId: $categoryId, ranking: $ranking, first: 50) {\n      rank\n      points\n      accepted\n      member {\n        handle\n        avatarUrl(size: 64)\n        reputation\n        isAdvocate\n        level {\n          name\n        }\n      }\n    }\n    categories {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Badges {\n    badges {\n      key\n      name\n      description\n      tier\n      perPost\n      awardable\n      holders\n    }\n  }\n"): (typeof documents)["\n  query Badges {\n    badges {\n      key\n      name\n      description\n      tier\n      perPost\n      awardable\n      holders\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCategories {\n    adminCategories {\n      id\n      slug\n      name\n      description\n      kind\n      position\n      threadCount\n      slowModeSeconds\n    }\n  }\n"): (typeof documents)["\n  query AdminCategories {\n    adminCategories {\n      id\n      slug\n      name\n      description\n      kind\n      position\n      threadCount\n      slowModeSeconds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReorderCategories($ids: [ID!]!) {\n    reorderCategories(ids: $ids) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ReorderCategories($ids: [ID!]!) {\n    reorderCategories(ids: $ids) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateCategory($input: CreateCategoryInput!) {\n    createCategory(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateCategory($input: CreateCategoryInput!) {\n    createCategory(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateCategory($input: UpdateCategoryInput!) {\n    updateCategory(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateCategory($input: UpdateCategoryInput!) {\n    updateCategory(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminMembers($filter: AdminMembersFilterInput, $after: String) {\n    adminMembers(filter: $filter, first: 25, after: $after) {\n      edges {\n        node {\n          id\n          handle\n          role\n          reputation\n          createdAt\n          isAdvocate\n          heldForApproval\n          email\n          sanction {\n            kind\n            reason\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminMembers($filter: AdminMembersFilterInput, $after: String) {\n    adminMembers(filter: $filter, first: 25, after: $after) {\n      edges {\n        node {\n          id\n          handle\n          role\n          reputation\n          createdAt\n          isAdvocate\n          heldForApproval\n          email\n          sanction {\n            kind\n            reason\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSetMemberRole($input: SetMemberRoleInput!) {\n    setMemberRole(input: $input) {\n      member {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminSetMemberRole($input: SetMemberRoleInput!) {\n    setMemberRole(input: $input) {\n      member {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminApproveMember($input: ApproveMemberInput!) {\n    approveMember(input: $input) {\n      member {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminApproveMember($input: ApproveMemberInput!) {\n    approveMember(input: $input) {\n      member {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminGrantAdvocate($input: GrantAdvocateInput!) {\n    grantAdvocate(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AdminGrantAdvocate($input: GrantAdvocateInput!) {\n    grantAdvocate(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRevokeAdvocate($input: AdvocateInput!) {\n    revokeAdvocate(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRevokeAdvocate($input: AdvocateInput!) {\n    revokeAdvocate(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminRoutingRules {\n    routingRules {\n      id\n      name\n      enabled\n      position\n      categoryIds\n      tags\n      segments\n      sentimentNegative\n      sentimentScoreAtMost\n      sentimentCues\n      notifyHandles\n      notifyModerators\n      raisePriority\n      escalate\n      conditions\n      actions\n    }\n    adminCategories {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query AdminRoutingRules {\n    routingRules {\n      id\n      name\n      enabled\n      position\n      categoryIds\n      tags\n      segments\n      sentimentNegative\n      sentimentScoreAtMost\n      sentimentCues\n      notifyHandles\n      notifyModerators\n      raisePriority\n      escalate\n      conditions\n      actions\n    }\n    adminCategories {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateRoutingRule($input: CreateRoutingRuleInput!) {\n    createRoutingRule(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateRoutingRule($input: CreateRoutingRuleInput!) {\n    createRoutingRule(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateRoutingRule($input: UpdateRoutingRuleInput!) {\n    updateRoutingRule(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateRoutingRule($input: UpdateRoutingRuleInput!) {\n    updateRoutingRule(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDeleteRoutingRule($id: ID!) {\n    deleteRoutingRule(id: $id)\n  }\n"): (typeof documents)["\n  mutation AdminDeleteRoutingRule($id: ID!) {\n    deleteRoutingRule(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminReorderRoutingRules($ids: [ID!]!) {\n    reorderRoutingRules(ids: $ids) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AdminReorderRoutingRules($ids: [ID!]!) {\n    reorderRoutingRules(ids: $ids) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SiteSettings {\n    siteSettings {\n      revision\n      groups {\n        key\n        label\n        description\n        environmentVariable\n        fields {\n          key\n          label\n          help\n          value\n          defaultValue\n          startupValue\n          changed\n          integer\n          min\n          max\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SiteSettings {\n    siteSettings {\n      revision\n      groups {\n        key\n        label\n        description\n        environmentVariable\n        fields {\n          key\n          label\n          help\n          value\n          defaultValue\n          startupValue\n          changed\n          integer\n          min\n          max\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSettings($input: UpdateSettingsInput!) {\n    updateSettings(input: $input) {\n      revision\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSettings($input: UpdateSettingsInput!) {\n    updateSettings(input: $input) {\n      revision\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminServiceTokens {\n    serviceTokens {\n      id\n      name\n      scopes\n      createdAt\n      rotatedAt\n      lastUsedAt\n      revokedAt\n      createdBy {\n        handle\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminServiceTokens {\n    serviceTokens {\n      id\n      name\n      scopes\n      createdAt\n      rotatedAt\n      lastUsedAt\n      revokedAt\n      createdBy {\n        handle\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateServiceToken($input: CreateServiceTokenInput!) {\n    createServiceToken(input: $input) {\n      token\n      serviceToken {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateServiceToken($input: CreateServiceTokenInput!) {\n    createServiceToken(input: $input) {\n      token\n      serviceToken {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRotateServiceToken($id: ID!) {\n    rotateServiceToken(id: $id) {\n      token\n      serviceToken {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRotateServiceToken($id: ID!) {\n    rotateServiceToken(id: $id) {\n      token\n      serviceToken {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRevokeServiceToken($id: ID!) {\n    revokeServiceToken(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRevokeServiceToken($id: ID!) {\n    revokeServiceToken(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminHome {\n    adminCategories {\n      id\n    }\n    adminMembers(filter: { held: true }, first: 100) {\n      edges {\n        node {\n          id\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminHome {\n    adminCategories {\n      id\n    }\n    adminMembers(filter: { held: true }, first: 100) {\n      edges {\n        node {\n          id\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminWebhookLog($id: ID!, $status: WebhookDeliveryStatus, $after: String) {\n    webhookEndpoint(id: $id) {\n      id\n      url\n      description\n      events\n      enabled\n      disabledReason\n      failingSince\n    }\n    webhookDeliveries(endpointId: $id, status: $status, first: 50, after: $after) {\n      edges {\n        node {\n          id\n          webhookId\n          eventType\n          subject\n          status\n          attempts\n          responseStatus\n          responseTimeMs\n          error\n          nextAttemptAt\n          lastAttemptAt\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminWebhookLog($id: ID!, $status: WebhookDeliveryStatus, $after: String) {\n    webhookEndpoint(id: $id) {\n      id\n      url\n      description\n      events\n      enabled\n      disabledReason\n      failingSince\n    }\n    webhookDeliveries(endpointId: $id, status: $status, first: 50, after: $after) {\n      edges {\n        node {\n          id\n          webhookId\n          eventType\n          subject\n          status\n          attempts\n          responseStatus\n          responseTimeMs\n          error\n          nextAttemptAt\n          lastAttemptAt\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplayWebhookEndpoint($input: ReplayWebhookEndpointInput!) {\n    replayWebhookEndpoint(input: $input) {\n      replayed\n    }\n  }\n"): (typeof documents)["\n  mutation ReplayWebhookEndpoint($input: ReplayWebhookEndpointInput!) {\n    replayWebhookEndpoint(input: $input) {\n      replayed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminWebhooks {\n    webhookEventKinds {\n      type\n      label\n      description\n    }\n    webhookEndpoints {\n      id\n      url\n      description\n      events\n      enabled\n      disabledReason\n      failingSince\n    }\n  }\n"): (typeof documents)["\n  query AdminWebhooks {\n    webhookEventKinds {\n      type\n      label\n      description\n    }\n    webhookEndpoints {\n      id\n      url\n      description\n      events\n      enabled\n      disabledReason\n      failingSince\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n        url\n      }\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n        url\n      }\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnableWebhookEndpoint($id: ID!) {\n    enableWebhookEndpoint(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation EnableWebhookEndpoint($id: ID!) {\n    enableWebhookEndpoint(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableWebhookEndpoint($id: ID!) {\n    disableWebhookEndpoint(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DisableWebhookEndpoint($id: ID!) {\n    disableWebhookEndpoint(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArticleReportState($id: ID!) {\n    article(id: $id) {\n      id\n      viewerCanReport\n      viewerReport {\n        reason\n      }\n    }\n  }\n"): (typeof documents)["\n  query ArticleReportState($id: ID!) {\n    article(id: $id) {\n      id\n      viewerCanReport\n      viewerReport {\n        reason\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportArticle($input: ReportArticleInput!) {\n    reportArticle(input: $input) {\n      report {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ReportArticle($input: ReportArticleInput!) {\n    reportArticle(input: $input) {\n      report {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Activity($filter: EventLogFilterInput, $after: String) {\n    events(filter: $filter, first: 30, after: $after) {\n      edges {\n        node {\n          id\n          name\n          subject\n          actorType\n          actorLabel\n          actor {\n            handle\n          }\n          data\n          occurredAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Activity($filter: EventLogFilterInput, $after: String) {\n    events(filter: $filter, first: 30, after: $after) {\n      edges {\n        node {\n          id\n          name\n          subject\n          actorType\n          actorLabel\n          actor {\n            handle\n          }\n          data\n          occurredAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditMember($handle: String!) {\n    member(handle: $handle) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query AuditMember($handle: String!) {\n    member(handle: $handle) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($filter: AuditLogFilterInput, $after: String) {\n    auditLog(filter: $filter, first: 30, after: $after) {\n      edges {\n        node {\n          id\n          name\n          subject\n          actorType\n          actorLabel\n          actor {\n            handle\n          }\n          data\n          before\n          after\n          reason\n          occurredAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($filter: AuditLogFilterInput, $after: String) {\n    auditLog(filter: $filter, first: 30, after: $after) {\n      edges {\n        node {\n          id\n          name\n          subject\n          actorType\n          actorLabel\n          actor {\n            handle\n          }\n          data\n          before\n          after\n          reason\n          occurredAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewQueue($after: String) {\n    reviewQueueStats {\n      open\n      oldestWaitingSeconds\n      handledToday\n      projectedClearSeconds\n      byAge {\n        bucket\n        count\n      }\n      handledPerReviewer {\n        reviewer {\n          handle\n        }\n        count\n      }\n    }\n    reviewQueue(first: 20, after: $after) {\n      edges {\n        node {\n          ...ReviewItemView\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReviewQueue($after: String) {\n    reviewQueueStats {\n      open\n      oldestWaitingSeconds\n      handledToday\n      projectedClearSeconds\n      byAge {\n        bucket\n        count\n      }\n      handledPerReviewer {\n        reviewer {\n          handle\n        }\n        count\n      }\n    }\n    reviewQueue(first: 20, after: $after) {\n      edges {\n        node {\n          ...ReviewItemView\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClaimReviewItem($itemId: ID!) {\n    claimReviewItem(itemId: $itemId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ClaimReviewItem($itemId: ID!) {\n    claimReviewItem(itemId: $itemId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolveReviewItem($input: ResolveReviewItemInput!) {\n    resolveReviewItem(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ResolveReviewItem($input: ResolveReviewItemInput!) {\n    resolveReviewItem(input: $input) {\n      id\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;