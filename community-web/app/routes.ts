import { index, route, type RouteConfig } from '@react-router/dev/routes';

export default [
  index('routes/home.tsx'),
  route('c/:slug', 'routes/category.tsx'),
  route('t/:id', 'routes/thread.tsx'),
  route('ask', 'routes/ask.tsx'),
  route('login', 'routes/login.tsx'),
  route('register', 'routes/register.tsx'),
  route('logout', 'routes/logout.tsx'),
  route('u/:handle', 'routes/member.tsx'),
  route('leaderboard', 'routes/leaderboard.tsx'),
  route('badges', 'routes/badges.tsx'),
  route('notices/dismiss', 'routes/notices.dismiss.tsx'),
  route('search', 'routes/search.tsx'),
  route('ask/similar', 'routes/ask.similar.tsx'),
  route('ask/open', 'routes/ask.open.tsx'),
  route('moderation/deflection', 'routes/moderation.deflection.tsx'),
  route('moderation/removed', 'routes/moderation.removed.tsx'),
  route('moderation/activity', 'routes/moderation.activity.tsx'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
