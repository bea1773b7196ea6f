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
    "\n  query Viewer {\n    me { id handle role }\n  }\n": typeof types.ViewerDocument,
    "\n  query Home {\n    categories { id slug name description kind threadCount }\n    threads(first: 20, order: LATEST) { ...ThreadList }\n  }\n": typeof types.HomeDocument,
    "\n  fragment ThreadList on ThreadConnection {\n    edges {\n      node {\n        id title status tags score replyCount viewCount lastActivityAt createdAt\n        author { handle }\n        category { slug name }\n      }\n    }\n    pageInfo { hasNextPage endCursor }\n  }\n": typeof types.ThreadListFragmentDoc,
    "\n  query CategoryPage($slug: String!, $first: Int, $after: String, $filter: ThreadFilterInput, $order: ThreadOrder) {\n    category(slug: $slug) { id slug name description kind threadCount }\n    threads(first: $first, after: $after, filter: $filter, order: $order) { ...ThreadList }\n  }\n": typeof types.CategoryPageDocument,
    "\n  query ThreadPage($id: ID!, $after: String) {\n    thread(id: $id) {\n      id title status tags score viewCount replyCount createdAt lastActivityAt\n      author { handle }\n      category { slug name }\n      viewerCan { reply accept moderate }\n      question { ...PostView }\n      acceptedAnswer { ...PostView }\n      replies(first: 30, after: $after) {\n        edges { node { ...PostView } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.ThreadPageDocument,
    "\n  fragment PostView on Post {\n    id body bodyHtml score viewerVote isAccepted isQuestion createdAt editedAt\n    author { handle role }\n    revisions { revision }\n    viewerCan { vote edit delete accept }\n  }\n": typeof types.PostViewFragmentDoc,
    "\n  mutation RecordView($threadId: ID!) { recordThreadView(threadId: $threadId) }\n": typeof types.RecordViewDocument,
    "\n  query AskCategories { categories { id slug name kind } me { id role } }\n": typeof types.AskCategoriesDocument,
    "\n  mutation AskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { id } }\n": typeof types.AskQuestionDocument,
    "\n  mutation PostReply($input: PostReplyInput!) { postReply(input: $input) { id } }\n": typeof types.PostReplyDocument,
    "\n  mutation Vote($input: VoteInput!) { vote(input: $input) { id score viewerVote } }\n": typeof types.VoteDocument,
    "\n  mutation Accept($postId: ID!) { acceptAnswer(postId: $postId) { id status } }\n": typeof types.AcceptDocument,
    "\n  mutation Unaccept($threadId: ID!) { unacceptAnswer(threadId: $threadId) { id status } }\n": typeof types.UnacceptDocument,
    "\n  mutation EditPost($input: EditPostInput!) { editPost(input: $input) { id } }\n": typeof types.EditPostDocument,
    "\n  mutation DeletePost($postId: ID!) { deletePost(postId: $postId) }\n": typeof types.DeletePostDocument,
    "\n  mutation SetStatus($input: SetThreadStatusInput!) { setThreadStatus(input: $input) { id status } }\n": typeof types.SetStatusDocument,
    "\n  mutation Login($input: LoginInput!) { login(input: $input) { token member { handle } } }\n": typeof types.LoginDocument,
    "\n  mutation Register($input: RegisterInput!) { register(input: $input) { token member { handle } } }\n": typeof types.RegisterDocument,
    "\n  mutation Logout { logout }\n": typeof types.LogoutDocument,
    "\n  query MemberPage($handle: String!, $after: String) {\n    member(handle: $handle) { id handle role createdAt }\n    threads(first: 20, after: $after, filter: { authorHandle: $handle }, order: NEWEST) { ...ThreadList }\n  }\n": typeof types.MemberPageDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    me { id handle role }\n  }\n": types.ViewerDocument,
    "\n  query Home {\n    categories { id slug name description kind threadCount }\n    threads(first: 20, order: LATEST) { ...ThreadList }\n  }\n": types.HomeDocument,
    "\n  fragment ThreadList on ThreadConnection {\n    edges {\n      node {\n        id title status tags score replyCount viewCount lastActivityAt createdAt\n        author { handle }\n        category { slug name }\n      }\n    }\n    pageInfo { hasNextPage endCursor }\n  }\n": types.ThreadListFragmentDoc,
    "\n  query CategoryPage($slug: String!, $first: Int, $after: String, $filter: ThreadFilterInput, $order: ThreadOrder) {\n    category(slug: $slug) { id slug name description kind threadCount }\n    threads(first: $first, after: $after, filter: $filter, order: $order) { ...ThreadList }\n  }\n": types.CategoryPageDocument,
    "\n  query ThreadPage($id: ID!, $after: String) {\n    thread(id: $id) {\n      id title status tags score viewCount replyCount createdAt lastActivityAt\n      author { handle }\n      category { slug name }\n      viewerCan { reply accept moderate }\n      question { ...PostView }\n      acceptedAnswer { ...PostView }\n      replies(first: 30, after: $after) {\n        edges { node { ...PostView } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.ThreadPageDocument,
    "\n  fragment PostView on Post {\n    id body bodyHtml score viewerVote isAccepted isQuestion createdAt editedAt\n    author { handle role }\n    revisions { revision }\n    viewerCan { vote edit delete accept }\n  }\n": types.PostViewFragmentDoc,
    "\n  mutation RecordView($threadId: ID!) { recordThreadView(threadId: $threadId) }\n": types.RecordViewDocument,
    "\n  query AskCategories { categories { id slug name kind } me { id role } }\n": types.AskCategoriesDocument,
    "\n  mutation AskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { id } }\n": types.AskQuestionDocument,
    "\n  mutation PostReply($input: PostReplyInput!) { postReply(input: $input) { id } }\n": types.PostReplyDocument,
    "\n  mutation Vote($input: VoteInput!) { vote(input: $input) { id score viewerVote } }\n": types.VoteDocument,
    "\n  mutation Accept($postId: ID!) { acceptAnswer(postId: $postId) { id status } }\n": types.AcceptDocument,
    "\n  mutation Unaccept($threadId: ID!) { unacceptAnswer(threadId: $threadId) { id status } }\n": types.UnacceptDocument,
    "\n  mutation EditPost($input: EditPostInput!) { editPost(input: $input) { id } }\n": types.EditPostDocument,
    "\n  mutation DeletePost($postId: ID!) { deletePost(postId: $postId) }\n": types.DeletePostDocument,
    "\n  mutation SetStatus($input: SetThreadStatusInput!) { setThreadStatus(input: $input) { id status } }\n": types.SetStatusDocument,
    "\n  mutation Login($input: LoginInput!) { login(input: $input) { token member { handle } } }\n": types.LoginDocument,
    "\n  mutation Register($input: RegisterInput!) { register(input: $input) { token member { handle } } }\n": types.RegisterDocument,
    "\n  mutation Logout { logout }\n": types.LogoutDocument,
    "\n  query MemberPage($handle: String!, $after: String) {\n    member(handle: $handle) { id handle role createdAt }\n    threads(first: 20, after: $after, filter: { authorHandle: $handle }, order: NEWEST) { ...ThreadList }\n  }\n": types.MemberPageDocument,
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
export function graphql(source: "\n  query Viewer {\n    me { id handle role }\n  }\n"): (typeof documents)["\n  query Viewer {\n    me { id handle role }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Home {\n    categories { id slug name description kind threadCount }\n    threads(first: 20, order: LATEST) { ...ThreadList }\n  }\n"): (typeof documents)["\n  query Home {\n    categories { id slug name description kind threadCount }\n    threads(first: 20, order: LATEST) { ...ThreadList }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ThreadList on ThreadConnection {\n    edges {\n      node {\n        id title status tags score replyCount viewCount lastActivityAt createdAt\n        author { handle }\n        category { slug name }\n      }\n    }\n    pageInfo { hasNextPage endCursor }\n  }\n"): (typeof documents)["\n  fragment ThreadList on ThreadConnection {\n    edges {\n      node {\n        id title status tags score replyCount viewCount lastActivityAt createdAt\n        author { handle }\n        category { slug name }\n      }\n    }\n    pageInfo { hasNextPage endCursor }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CategoryPage($slug: String!, $first: Int, $after: String, $filter: ThreadFilterInput, $order: ThreadOrder) {\n    category(slug: $slug) { id slug name description kind threadCount }\n    threads(first: $first, after: $after, filter: $filter, order: $order) { ...ThreadList }\n  }\n"): (typeof documents)["\n  query CategoryPage($slug: String!, $first: Int, $after: String, $filter: ThreadFilterInput, $order: ThreadOrder) {\n    category(slug: $slug) { id slug name description kind threadCount }\n    threads(first: $first, after: $after, filter: $filter, order: $order) { ...ThreadList }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ThreadPage($id: ID!, $after: String) {\n    thread(id: $id) {\n      id title status tags score viewCount replyCount createdAt lastActivityAt\n      author { handle }\n      category { slug name }\n      viewerCan { reply accept moderate }\n      question { ...PostView }\n      acceptedAnswer { ...PostView }\n      replies(first: 30, after: $after) {\n        edges { node { ...PostView } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ThreadPage($id: ID!, $after: String) {\n    thread(id: $id) {\n      id title status tags score viewCount replyCount createdAt lastActivityAt\n      author { handle }\n      category { slug name }\n      viewerCan { reply accept moderate }\n      question { ...PostView }\n      acceptedAnswer { ...PostView }\n      replies(first: 30, after: $after) {\n        edges { node { ...PostView } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PostView on Post {\n    id body bodyHtml score viewerVote isAccepted isQuestion createdAt editedAt\n    author { handle role }\n    revisions { revision }\n    viewerCan { vote edit delete accept }\n  }\n"): (typeof documents)["\n  fragment PostView on Post {\n    id body bodyHtml score viewerVote isAccepted isQuestion createdAt editedAt\n    author { handle role }\n    revisions { revision }\n    viewerCan { vote edit delete accept }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordView($threadId: ID!) { recordThreadView(threadId: $threadId) }\n"): (typeof documents)["\n  mutation RecordView($threadId: ID!) { recordThreadView(threadId: $threadId) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AskCategories { categories { id slug name kind } me { id role } }\n"): (typeof documents)["\n  query AskCategories { categories { id slug name kind } me { id role } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { id } }\n"): (typeof documents)["\n  mutation AskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PostReply($input: PostReplyInput!) { postReply(input: $input) { id } }\n"): (typeof documents)["\n  mutation PostReply($input: PostReplyInput!) { postReply(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Vote($input: VoteInput!) { vote(input: $input) { id score viewerVote } }\n"): (typeof documents)["\n  mutation Vote($input: VoteInput!) { vote(input: $input) { id score viewerVote } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Accept($postId: ID!) { acceptAnswer(postId: $postId) { id status } }\n"): (typeof documents)["\n  mutation Accept($postId: ID!) { acceptAnswer(postId: $postId) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Unaccept($threadId: ID!) { unacceptAnswer(threadId: $threadId) { id status } }\n"): (typeof documents)["\n  mutation Unaccept($threadId: ID!) { unacceptAnswer(threadId: $threadId) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditPost($input: EditPostInput!) { editPost(input: $input) { id } }\n"): (typeof documents)["\n  mutation EditPost($input: EditPostInput!) { editPost(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeletePost($postId: ID!) { deletePost(postId: $postId) }\n"): (typeof documents)["\n  mutation DeletePost($postId: ID!) { deletePost(postId: $postId) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetStatus($input: SetThreadStatusInput!) { setThreadStatus(input: $input) { id status } }\n"): (typeof documents)["\n  mutation SetStatus($input: SetThreadStatusInput!) { setThreadStatus(input: $input) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) { login(input: $input) { token member { handle } } }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) { login(input: $input) { token member { handle } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Register($input: RegisterInput!) { register(input: $input) { token member { handle } } }\n"): (typeof documents)["\n  mutation Register($input: RegisterInput!) { register(input: $input) { token member { handle } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout { logout }\n"): (typeof documents)["\n  mutation Logout { logout }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberPage($handle: String!, $after: String) {\n    member(handle: $handle) { id handle role createdAt }\n    threads(first: 20, after: $after, filter: { authorHandle: $handle }, order: NEWEST) { ...ThreadList }\n  }\n"): (typeof documents)["\n  query MemberPage($handle: String!, $after: String) {\n    member(handle: $handle) { id handle role createdAt }\n    threads(first: 20, after: $after, filter: { authorHandle: $handle }, order: NEWEST) { ...ThreadList }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;