import {
  allow,
  defineRules,
  deny,
  isStaffViewer,
  mayWrite,
  readRule,
  type Viewer,
} from '../../platform/authz/guardian.js';
import { ArticleState, type Article } from './article.entity.js';

declare module '../../platform/authz/guardian.js' {
  interface Actions {
    /** Starting an article from an answer by hand. */
    'article.create': null;
    /** Editing a draft, or staging a new version of a published article. */
    'article.edit': Article;
    'article.submit': Article;
    'article.publish': Article;
    /** Withdrawing a published article, or rejecting a draft. */
    'article.archive': Article;
    /** Confirming a published article is still right (clears "needs review"). */
    'article.verify': Article;
    /** Seeing drafts, articles in review and archived ones, and the review queue. */
    'article.review': null;
    'article.rate': Article;
    /** Reading how often suggestions while asking deflected a question. */
    'deflection.read': null;
  }
}

/** Staff write the knowledge base (PRODUCT.md: moderators and staff publish articles). */
const staffOnly = (viewer: Viewer | null, doing: string) =>
  mayWrite(viewer, doing) ?? (isStaffViewer(viewer) ? allow() : deny(`Only staff can ${doing}.`));

export const knowledgeRules = defineRules({
  'article.create': (viewer) => staffOnly(viewer, 'start knowledge articles'),
  'article.edit': (viewer, article) => {
    const refused = staffOnly(viewer, 'edit knowledge articles');
    if (!refused.allowed) return refused;
    return article.state === ArticleState.ARCHIVED
      ? deny('This article is archived: it can no longer be edited.')
      : allow();
  },
  'article.submit': (viewer, article) => {
    const refused = staffOnly(viewer, 'submit knowledge articles for review');
    if (!refused.allowed) return refused;
    return article.state === ArticleState.DRAFT ? allow() : deny('Only a draft can be submitted for review.');
  },
  'article.publish': (viewer, article) => {
    const refused = staffOnly(viewer, 'publish knowledge articles');
    if (!refused.allowed) return refused;
    if (article.state === ArticleState.PUBLISHED && article.publishedVersion === article.currentVersion) {
      return deny('This article is published and has no staged changes.');
    }
    return allow();
  },
  'article.archive': (viewer, article) => {
    const refused = staffOnly(viewer, 'archive knowledge articles');
    if (!refused.allowed) return refused;
    return article.state === ArticleState.ARCHIVED ? deny('This article is already archived.') : allow();
  },
  'article.verify': (viewer, article) => {
    const refused = staffOnly(viewer, 'verify knowledge articles');
    if (!refused.allowed) return refused;
    return article.state === ArticleState.PUBLISHED ? allow() : deny('Only a published article can be verified.');
  },
  'article.review': readRule((viewer) =>
    isStaffViewer(viewer) ? allow() : deny('Only staff can see drafts and the knowledge review queue.'),
  ),
  'deflection.read': readRule((viewer) =>
    isStaffViewer(viewer) ? allow() : deny('Only staff can see deflection figures.'),
  ),
  'article.rate': (_viewer, article) =>
    article.state === ArticleState.PUBLISHED ? allow() : deny('Only a published article can be rated.'),
});
