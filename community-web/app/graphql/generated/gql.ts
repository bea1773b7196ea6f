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
    "\n  query Viewer {\n    me {\n      id\n      handle\n      role\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  query Home {\n    categories {\n      id\n      slug\n      name\n      description\n      kind\n      threadCount\n    }\n    threads(first: 20, order: LATEST) {\n      ...ThreadList\n    }\n  }\n": typeof types.HomeDocument,
    "\n  fragment ThreadList on ThreadConnection {\n    edges {\n      node {\n        id\n        title\n        status\n        tags\n        score\n        replyCount\n        viewCount\n        lastActivityAt\n        createdAt\n        author {\n          handle\n        }\n        category {\n          slug\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n": typeof types.ThreadListFragmentDoc,
    "\n  query CategoryPage($slug: String!, $first: Int, $after: String, $filter: ThreadFilterInput, $order: ThreadOrder) {\n    category(slug: $slug) {\n      id\n      slug\n      name\n      description\n      kind\n      threadCount\n    }\n    threads(first: $first, after: $after, filter: $filter, order: $order) {\n      ...ThreadList\n    }\n  }\n": typeof types.CategoryPageDocument,
    "\n  query ThreadPage($id: ID!, $after: String) {\n    thread(id: $id) {\n      id\n      title\n      status\n      tags\n      score\n      viewCount\n      replyCount\n      createdAt\n      lastActivityAt\n      author {\n        handle\n      }\n      category {\n        slug\n        name\n      }\n      viewerCan {\n        reply\n        accept\n        moderate\n      }\n      question {\n        ...PostView\n      }\n      acceptedAnswer {\n        ...PostView\n      }\n      replies(first: 30, after: $after) {\n        edges {\n          node {\n            ...PostView\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.ThreadPageDocument,
    "\n  fragment PostView on Post {\n    id\n    body\n    bodyHtml\n    score\n    viewerVote\n    isAccepted\n    isQuestion\n    createdAt\n    editedAt\n    author {\n      handle\n      role\n    }\n    revisions {\n      revision\n    }\n    viewerCan {\n      vote\n      edit\n      delete\n      accept\n    }\n  }\n": typeof types.PostViewFragmentDoc,
    "\n  mutation RecordView($threadId: ID!) {\n    recordThreadView(threadId: $threadId)\n  }\n": typeof types.RecordViewDocument,
    "\n  query AskCategories {\n    categories {\n      id\n      slug\n      name\n      kind\n    }\n    me {\n      id\n      role\n    }\n  }\n": typeof types.AskCategoriesDocument,
    "\n  mutation AskQuestion($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      id\n    }\n  }\n": typeof types.AskQuestionDocument,
    "\n  mutation PostReply($input: PostReplyInput!) {\n    postReply(input: $input) {\n      id\n    }\n  }\n": typeof types.PostReplyDocument,
    "\n  mutation Vote($input: VoteInput!) {\n    vote(input: $input) {\n      id\n      score\n      viewerVote\n    }\n  }\n": typeof types.VoteDocument,
    "\n  mutation Accept($postId: ID!) {\n    acceptAnswer(postId: $postId) {\n      id\n      status\n    }\n  }\n": typeof types.AcceptDocument,
    "\n  mutation Unaccept($threadId: ID!) {\n    unacceptAnswer(threadId: $threadId) {\n      id\n      status\n    }\n  }\n": typeof types.UnacceptDocument,
    "\n  mutation EditPost($input: EditPostInput!) {\n    editPost(input: $input) {\n      id\n    }\n  }\n": typeof types.EditPostDocument,
    "\n  mutation DeletePost($postId: ID!) {\n    deletePost(postId: $postId)\n  }\n": typeof types.DeletePostDocument,
    "\n  mutation SetStatus($input: SetThreadStatusInput!) {\n    setThreadStatus(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.SetStatusDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      member {\n        handle\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      token\n      member {\n        handle\n      }\n    }\n  }\n": typeof types.RegisterDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query MemberPage($handle: String!, $after: String) {\n    member(handle: $handle) {\n      id\n      handle\n      role\n      createdAt\n    }\n    threads(first: 20, after: $after, filter: { authorHandle: $handle }, order: NEWEST) {\n      ...ThreadList\n    }\n  }\n": typeof types.MemberPageDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    me {\n      id\n      handle\n      role\n    }\n  }\n": types.ViewerDocument,
    "\n  query Home {\n    categories {\n      id\n      slug\n      name\n      description\n      kind\n      threadCount\n    }\n    threads(first: 20, order: LATEST) {\n      ...ThreadList\n    }\n  }\n": types.HomeDocument,
    "\n  fragment ThreadList on ThreadConnection {\n    edges {\n      node {\n        id\n        title\n        status\n        tags\n        score\n        replyCount\n        viewCount\n        lastActivityAt\n        createdAt\n        author {\n          handle\n        }\n        category {\n          slug\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n": types.ThreadListFragmentDoc,
    "\n  query CategoryPage($slug: String!, $first: Int, $after: String, $filter: ThreadFilterInput, $order: ThreadOrder) {\n    category(slug: $slug) {\n      id\n      slug\n      name\n      description\n      kind\n      threadCount\n    }\n    threads(first: $first, after: $after, filter: $filter, order: $order) {\n      ...ThreadList\n    }\n  }\n": types.CategoryPageDocument,
    "\n  query ThreadPage($id: ID!, $after: String) {\n    thread(id: $id) {\n      id\n      title\n      status\n      tags\n      score\n      viewCount\n      replyCount\n      createdAt\n      lastActivityAt\n      author {\n        handle\n      }\n      category {\n        slug\n        name\n      }\n      viewerCan {\n        reply\n        accept\n        moderate\n      }\n      question {\n        ...PostView\n      }\n      acceptedAnswer {\n        ...PostView\n      }\n      replies(first: 30, after: $after) {\n        edges {\n          node {\n            ...PostView\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.ThreadPageDocument,
    "\n  fragment PostView on Post {\n    id\n    body\n    bodyHtml\n    score\n    viewerVote\n    isAccepted\n    isQuestion\n    createdAt\n    editedAt\n    author {\n      handle\n      role\n    }\n    revisions {\n      revision\n    }\n    viewerCan {\n      vote\n      edit\n      delete\n      accept\n    }\n  }\n": types.PostViewFragmentDoc,
    "\n  mutation RecordView($threadId: ID!) {\n    recordThreadView(threadId: $threadId)\n  }\n": types.RecordViewDocument,
    "\n  query AskCategories {\n    categories {\n      id\n      slug\n      name\n      kind\n    }\n    me {\n      id\n      role\n    }\n  }\n": types.AskCategoriesDocument,
    "\n  mutation AskQuestion($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      id\n    }\n  }\n": types.AskQuestionDocument,
    "\n  mutation PostReply($input: PostReplyInput!) {\n    postReply(input: $input) {\n      id\n    }\n  }\n": types.PostReplyDocument,
    "\n  mutation Vote($input: VoteInput!) {\n    vote(input: $input) {\n      id\n      score\n      viewerVote\n    }\n  }\n": types.VoteDocument,
    "\n  mutation Accept($postId: ID!) {\n    acceptAnswer(postId: $postId) {\n      id\n      status\n    }\n  }\n": types.AcceptDocument,
    "\n  mutation Unaccept($threadId: ID!) {\n    unacceptAnswer(threadId: $threadId) {\n      id\n      status\n    }\n  }\n": types.UnacceptDocument,
    "\n  mutation EditPost($input: EditPostInput!) {\n    editPost(input: $input) {\n      id\n    }\n  }\n": types.EditPostDocument,
    "\n  mutation DeletePost($postId: ID!) {\n    deletePost(postId: $postId)\n  }\n": types.DeletePostDocument,
    "\n  mutation SetStatus($input: SetThreadStatusInput!) {\n    setThreadStatus(input: $input) {\n      id\n      status\n    }\n  }\n": types.SetStatusDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      member {\n        handle\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      token\n      member {\n        handle\n      }\n    }\n  }\n": types.RegisterDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query MemberPage($handle: String!, $after: String) {\n    member(handle: $handle) {\n      id\n      handle\n      role\n      createdAt\n    }\n    threads(first: 20, after: $after, filter: { authorHandle: $handle }, order: NEWEST) {\n      ...ThreadList\n    }\n  }\n": types.MemberPageDocument,
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
export function graphql(source: "\n  query Viewer {\n    me {\n      id\n      handle\n      role\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    me {\n      id\n      handle\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Home {\n    categories {\n      id\n      slug\n      name\n      description\n      kind\n      threadCount\n    }\n    threads(first: 20, order: LATEST) {\n      ...ThreadList\n    }\n  }\n"): (typeof documents)["\n  query Home {\n    categories {\n      id\n      slug\n      name\n      description\n      kind\n      threadCount\n    }\n    threads(first: 20, order: LATEST) {\n      ...ThreadList\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ThreadList on ThreadConnection {\n    edges {\n      node {\n        id\n        title\n        status\n        tags\n        score\n        replyCount\n        viewCount\n        lastActivityAt\n        createdAt\n        author {\n          handle\n        }\n        category {\n          slug\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n"): (typeof documents)["\n  fragment ThreadList on ThreadConnection {\n    edges {\n      node {\n        id\n        title\n        status\n        tags\n        score\n        replyCount\n        viewCount\n        lastActivityAt\n        createdAt\n        author {\n          handle\n        }\n        category {\n          slug\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CategoryPage($slug: String!, $first: Int, $after: String, $filter: ThreadFilterInput, $order: ThreadOrder) {\n    category(slug: $slug) {\n      id\n      slug\n      name\n      description\n      kind\n      threadCount\n    }\n    threads(first: $first, after: $after, filter: $filter, order: $order) {\n      ...ThreadList\n    }\n  }\n"): (typeof documents)["\n  query CategoryPage($slug: String!, $first: Int, $after: String, $filter: ThreadFilterInput, $order: ThreadOrder) {\n    category(slug: $slug) {\n      id\n      slug\n      name\n      description\n      kind\n      threadCount\n    }\n    threads(first: $first, after: $after, filter: $filter, order: $order) {\n      ...ThreadList\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ThreadPage($id: ID!, $after: String) {\n    thread(id: $id) {\n      id\n      title\n      status\n      tags\n      score\n      viewCount\n      replyCount\n      createdAt\n      lastActivityAt\n      author {\n        handle\n      }\n      category {\n        slug\n        name\n      }\n      viewerCan {\n        reply\n        accept\n        moderate\n      }\n      question {\n        ...PostView\n      }\n      acceptedAnswer {\n        ...PostView\n      }\n      replies(first: 30, after: $after) {\n        edges {\n          node {\n            ...PostView\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ThreadPage($id: ID!, $after: String) {\n    thread(id: $id) {\n      id\n      title\n      status\n      tags\n      score\n      viewCount\n      replyCount\n      createdAt\n      lastActivityAt\n      author {\n        handle\n      }\n      category {\n        slug\n        name\n      }\n      viewerCan {\n        reply\n        accept\n        moderate\n      }\n      question {\n        ...PostView\n      }\n      acceptedAnswer {\n        ...PostView\n      }\n      replies(first: 30, after: $after) {\n        edges {\n          node {\n            ...PostView\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PostView on Post {\n    id\n    body\n    bodyHtml\n    score\n    viewerVote\n    isAccepted\n    isQuestion\n    createdAt\n    editedAt\n    author {\n      handle\n      role\n    }\n    revisions {\n      revision\n    }\n    viewerCan {\n      vote\n      edit\n      delete\n      accept\n    }\n  }\n"): (typeof documents)["\n  fragment PostView on Post {\n    id\n    body\n    bodyHtml\n    score\n    viewerVote\n    isAccepted\n    isQuestion\n    createdAt\n    editedAt\n    author {\n      handle\n      role\n    }\n    revisions {\n      revision\n    }\n    viewerCan {\n      vote\n      edit\n      delete\n      accept\n    }\n  }\n"];
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
export function graphql(source: "\n  query MemberPage($handle: String!, $after: String) {\n    member(handle: $handle) {\n      id\n      handle\n      role\n      createdAt\n    }\n    threads(first: 20, after: $after, filter: { authorHandle: $handle }, order: NEWEST) {\n      ...ThreadList\n    }\n  }\n"): (typeof documents)["\n  query MemberPage($handle: String!, $after: String) {\n    member(handle: $handle) {\n      id\n      handle\n      role\n      createdAt\n    }\n    threads(first: 20, after: $after, filter: { authorHandle: $handle }, order: NEWEST) {\n      ...ThreadList\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;