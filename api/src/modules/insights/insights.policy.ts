import {
  allow,
  defineRules,
  deny,
  isStaffViewer,
  mayWrite,
  needLogin,
  readRule,
} from '../../platform/authz/guardian.js';

declare module '../../platform/authz/guardian.js' {
  interface Actions {
    /** Reading signals about members and posts (sentiment, influence, hidden influencers). */
    'insights.read': null;
    /** Nominating a member for the advocate programme. */
    'insights.nominate': null;
  }
}

export const insightsRules = defineRules({
  'insights.read': readRule((viewer) =>
    !viewer ? needLogin() : isStaffViewer(viewer) ? allow() : deny('Only staff can see sentiment and influence.'),
  ),
  'insights.nominate': (viewer) =>
    mayWrite(viewer, 'nominate advocates') ??
    (isStaffViewer(viewer) ? allow() : deny('Only staff can nominate advocates.')),
});
