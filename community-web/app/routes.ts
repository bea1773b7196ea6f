import { index, route, type RouteConfig } from '@react-router/dev/routes';

export default [
  index('routes/home.tsx'),
  route('c/:slug', 'routes/category.tsx'),
  route('t/:id', 'routes/thread.tsx'),
  route('ask', 'routes/ask.tsx'),
  route('kb', 'routes/kb.tsx'),
  route('kb/:id', 'routes/kb.article.tsx'),
  route('kb/:id/edit', 'routes/kb.edit.tsx'),
  route('login', 'routes/login.tsx'),
  route('register', 'routes/register.tsx'),
  route('logout', 'routes/logout.tsx'),
  route('u/:handle', 'routes/member.tsx'),
  route('leaderboard', 'routes/leaderboard.tsx'),
  route('badges', 'routes/badges.tsx'),
  route('notices/dismiss', 'routes/notices.dismiss.tsx'),
  route('moderation/removed', 'routes/moderation.removed.tsx'),
  route('moderation/activity', 'routes/moderation.activity.tsx'),
  route('moderation/knowledge', 'routes/moderation.knowledge.tsx'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
