/**
 * The demo community: support forum of "Lumen", a smart-home hub and its app. Fixed content,
 * so every seed is identical. Replies list their author and, optionally, who upvoted them.
 */
export interface DemoReply {
  by: string;
  body: string;
  upvoters?: string[];
  downvoters?: string[];
  accepted?: boolean;
  /** The moderator picks it as exemplary. */
  staffPick?: boolean;
}

export interface DemoThread {
  category: string;
  by: string;
  title: string;
  tags: string[];
  body: string;
  upvoters?: string[];
  replies: DemoReply[];
  status?: 'CLOSED' | 'LOCKED';
  daysAgo: number;
}

export const DEMO_PASSWORDS: Record<string, string> = {
  admin: 'demo-admin-pass',
  moderator: 'demo-moderator-pass',
  alice: 'demo-alice-pass',
  bob: 'demo-bob-pass',
};

/**
 * Demo members. `carriedOver` is reputation brought from the community's previous forum (one
 * ADJUSTMENT event each, as a migration would write); the rest is earned in the demo threads.
 */
export const DEMO_MEMBERS: { handle: string; role?: 'ADMIN' | 'MODERATOR'; carriedOver?: number; advocate?: string }[] =
  [
    { handle: 'admin', role: 'ADMIN' },
    { handle: 'moderator', role: 'MODERATOR' },
    { handle: 'alice', carriedOver: 480 },
    { handle: 'bob', carriedOver: 40 },
    {
      handle: 'priya_k',
      carriedOver: 2350,
      advocate: 'Answers most Zigbee and automation questions, carefully and kindly, for over a year.',
    },
    { handle: 'tomasz', carriedOver: 160 },
    { handle: 'grace-h', carriedOver: 520 },
    { handle: 'dev_marco', carriedOver: 3050 },
    { handle: 'lena', carriedOver: 75 },
    { handle: 'oluwaseun', carriedOver: 120 },
    { handle: 'sam_r', carriedOver: 20 },
    { handle: 'hiro', carriedOver: 95 },
    { handle: 'noor', carriedOver: 260 },
    { handle: 'jules', carriedOver: 30 },
    { handle: 'camille', carriedOver: 15 },
  ];

export const DEMO_CATEGORIES = [
  {
    slug: 'getting-started',
    name: 'Getting Started',
    kind: 'QA',
    description: 'Setting up your Lumen hub, app and first devices.',
  },
  {
    slug: 'troubleshooting',
    name: 'Troubleshooting',
    kind: 'QA',
    answerTargetMinutes: 1440,
    description: 'Something not working? Describe it here and the community will help.',
  },
  {
    slug: 'integrations-api',
    name: 'Integrations & API',
    kind: 'QA',
    description: 'Webhooks, the REST API, Home Assistant, IFTTT and friends.',
  },
  {
    slug: 'billing-accounts',
    name: 'Billing & Accounts',
    kind: 'QA',
    description: 'Plans, invoices, sign-in and account security.',
  },
  {
    slug: 'feature-ideas',
    name: 'Feature Ideas',
    kind: 'IDEAS',
    description: 'Suggest and discuss what Lumen should do next.',
  },
  {
    slug: 'announcements',
    name: 'Announcements',
    kind: 'ANNOUNCEMENTS',
    description: 'Releases and news from the Lumen team.',
  },
  {
    slug: 'advocates-lounge',
    name: "Advocates' Lounge",
    kind: 'RESTRICTED',
    description: 'Where staff and community advocates coordinate: only they can see it.',
  },
] as const;

export const DEMO_THREADS: DemoThread[] = [
  {
    category: 'announcements',
    by: 'admin',
    daysAgo: 20,
    tags: ['release', 'firmware'],
    title: 'Lumen hub firmware 4.2 is rolling out',
    body: `Firmware **4.2** starts rolling out to all hubs this week. Highlights:\n\n- Zigbee pairing is about 3× faster\n- Scenes run locally when the internet is down\n- Fixed: the hub rebooting when more than 60 devices report at once\n\nThe update installs overnight (between 2 and 4 am local time). You can also trigger it from **Settings → Hub → Firmware**.`,
    replies: [
      {
        by: 'tomasz',
        body: 'Local scenes during outages is the one I was waiting for. Updated manually, all 42 devices came back fine.',
        upvoters: ['alice', 'lena'],
      },
    ],
  },
  {
    category: 'getting-started',
    by: 'alice',
    daysAgo: 18,
    tags: ['setup', 'wifi'],
    title: 'Hub stuck on blinking blue during first setup',
    body: `I just unboxed my Lumen hub. The app finds it over Bluetooth, I pick my Wi-Fi network and type the password, then the light blinks blue forever and the app says **"Couldn't reach the hub (error 1007)"**.\n\nRouter is a TP-Link Archer AX55, hub is about 3 m away. Tried twice, same result.`,
    upvoters: ['bob', 'priya_k'],
    replies: [
      {
        by: 'priya_k',
        body: `Error 1007 almost always means the hub tried to join the **5 GHz** band. The hub only speaks 2.4 GHz. On the Archer, split the bands (Advanced → Wireless → Smart Connect off) and give the 2.4 GHz network its own name, then run setup again choosing that network.`,
        upvoters: ['alice', 'bob', 'grace-h', 'moderator'],
        accepted: true,
        staffPick: true,
      },
      {
        by: 'bob',
        body: 'Also check the Wi-Fi password has no trailing space if you pasted it. Bit me on my first hub.',
        upvoters: ['alice'],
      },
    ],
  },
  {
    category: 'getting-started',
    by: 'lena',
    daysAgo: 16,
    tags: ['zigbee', 'pairing'],
    title: 'How many Zigbee devices can one hub handle?',
    body: 'Planning a whole-house setup: around 70 bulbs, 15 sensors and a few plugs. Will one hub cope, or should I buy a second one? Is there a documented limit?',
    replies: [
      {
        by: 'tomasz',
        body: `The documented limit is **100 direct children**, but mains-powered devices (bulbs, plugs) act as routers and extend that a lot. I run 110 devices on one hub without trouble. Tips:\n\n1. Pair the plugs and bulbs first, room by room, starting near the hub.\n2. Pair battery sensors last, in their final location.\n3. Keep the hub away from the Wi-Fi router (channel overlap).`,
        upvoters: ['lena', 'oluwaseun', 'hiro'],
        accepted: true,
      },
    ],
  },
  {
    category: 'troubleshooting',
    by: 'bob',
    daysAgo: 15,
    tags: ['automation', 'schedule'],
    title: 'Sunset automation fires an hour late since the clocks changed',
    body: 'My "lights on at sunset" automation has been running exactly one hour late since daylight saving time ended. The hub shows the right time in Settings. Time zone is Europe/Berlin.',
    upvoters: ['camille'],
    replies: [
      {
        by: 'grace-h',
        body: 'Same here in Paris. Looks like the sunset time is computed once and cached from before the change.',
        upvoters: ['bob'],
      },
      {
        by: 'moderator',
        body: `Thanks for the reports, this is a known issue in firmware 4.1: the solar schedule is cached across the DST switch. Workaround until 4.2 reaches you: open the automation, change nothing, and press **Save**: it recomputes the schedule. Firmware 4.2 fixes it for good.`,
        upvoters: ['bob', 'grace-h', 'camille', 'alice'],
        accepted: true,
      },
    ],
  },
  {
    category: 'troubleshooting',
    by: 'oluwaseun',
    daysAgo: 14,
    tags: ['sensor', 'battery'],
    title: 'Motion sensor battery drains in two weeks',
    body: 'A Lumen motion sensor in my hallway eats a CR2450 every two weeks. The other three last months. It reports motion fine. Anything I can check before I RMA it?',
    replies: [
      {
        by: 'hiro',
        body: 'Check its **report interval** in the device page. If it was paired while the hub was in debug mode it can stay at 10 s instead of 5 min.',
        upvoters: ['oluwaseun', 'tomasz'],
        accepted: true,
      },
      {
        by: 'sam_r',
        body: 'A sensor that is far from any router device retries a lot and drains faster. A smart plug nearby might help.',
        upvoters: ['hiro'],
      },
    ],
  },
  {
    category: 'integrations-api',
    by: 'dev_marco',
    daysAgo: 13,
    tags: ['api', 'webhooks'],
    title: 'Webhook signature never matches (HMAC-SHA256)',
    body: "I'm verifying Lumen webhooks in Node but my computed signature never equals the `X-Lumen-Signature` header:\n\n```js\nconst sig = crypto.createHmac('sha256', secret).update(JSON.stringify(req.body)).digest('hex');\n```\n\nThe secret is copied from the developer console. What am I missing?",
    upvoters: ['jules', 'noor'],
    replies: [
      {
        by: 'jules',
        body: "You're signing a **re-serialized** body. `JSON.stringify(req.body)` doesn't reproduce the exact bytes Lumen sent (key order, spacing, unicode escapes). Sign the raw body instead:\n\n```js\napp.post('/hook', express.raw({ type: 'application/json' }), (req, res) => {\n  const expected = crypto.createHmac('sha256', secret).update(req.body).digest('hex');\n  const ok = crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(req.get('x-lumen-signature')));\n  // ...\n});\n```",
        upvoters: ['dev_marco', 'noor', 'sam_r', 'moderator'],
        accepted: true,
      },
    ],
  },
  {
    category: 'integrations-api',
    by: 'noor',
    daysAgo: 12,
    tags: ['home-assistant'],
    title: 'Home Assistant integration shows all devices unavailable after restart',
    body: 'After restarting Home Assistant 2026.10, every Lumen entity shows "unavailable" for about ten minutes, then comes back. Logs show `LumenApiError: 429 Too Many Requests`.',
    replies: [
      {
        by: 'dev_marco',
        body: 'The integration polls every device on start-up and hits the API rate limit (60 requests/min). Switch it to the **local API** in the integration options: no rate limit and instant state.',
        upvoters: ['noor', 'jules'],
        accepted: true,
      },
    ],
  },
  {
    category: 'integrations-api',
    by: 'sam_r',
    daysAgo: 11,
    tags: ['api', 'pagination'],
    title: 'GET /v2/events returns the same page twice',
    body: 'Paging through `/v2/events?limit=100&page=N` I sometimes get duplicate events on consecutive pages while new events arrive. Is there a stable way to page?',
    replies: [
      {
        by: 'jules',
        body: 'Offset paging shifts when new rows arrive. Use the `cursor` parameter from the response (`next_cursor`) instead of `page`: it is stable under inserts.',
        upvoters: ['sam_r'],
      },
    ],
  },
  {
    category: 'billing-accounts',
    by: 'camille',
    daysAgo: 10,
    tags: ['billing', 'invoice'],
    title: 'Where can I download invoices with our VAT number on them?',
    body: 'We use Lumen Pro in our office. Accounting needs invoices showing our company VAT number. I only see receipts in the app.',
    replies: [
      {
        by: 'moderator',
        body: 'Invoices live in the web dashboard, not the app: **account.lumen.example → Billing → Invoices**. Add the VAT number under **Billing details** first; invoices issued after that include it, and you can regenerate the last 12 months with the ⟳ button.',
        upvoters: ['camille'],
        accepted: true,
      },
    ],
  },
  {
    category: 'billing-accounts',
    by: 'hiro',
    daysAgo: 9,
    tags: ['2fa', 'account'],
    title: 'Lost my phone with the authenticator app, how do I get back in?',
    body: 'My phone was stolen and it had my 2FA codes. I still know my password. I did not save the recovery codes (I know...). What are my options?',
    replies: [
      {
        by: 'moderator',
        body: 'Use **"Can\'t use your authenticator?"** on the sign-in page. It starts an identity check by email to the account address; after 24 hours you can sign in and set up 2FA again. Support cannot skip the waiting period, sorry: it protects you from account takeover.',
        upvoters: ['hiro', 'alice'],
      },
    ],
  },
  {
    category: 'troubleshooting',
    by: 'grace-h',
    daysAgo: 8,
    tags: ['app', 'android', 'notifications'],
    title: 'No push notifications on Android 15 (Pixel 8)',
    body: 'Door sensor alerts stopped arriving on my Pixel 8 after the Android 15 update. In-app the events are there. Notifications are enabled in system settings.',
    replies: [
      {
        by: 'lena',
        body: 'Android 15 puts rarely-opened apps into a restricted battery bucket. Settings → Apps → Lumen → Battery → **Unrestricted** fixed it for me.',
        upvoters: ['grace-h', 'oluwaseun', 'bob'],
        accepted: true,
      },
      {
        by: 'alice',
        body: 'Also check "Pause app activity if unused" is off on the same page.',
        upvoters: ['grace-h'],
      },
    ],
  },
  {
    category: 'troubleshooting',
    by: 'tomasz',
    daysAgo: 7,
    tags: ['zigbee', 'interference'],
    title: 'Bulbs in the garage drop off the network every night',
    body: 'Four bulbs in the detached garage go "unreachable" around 11 pm and come back in the morning. The garage is ~15 m from the house. There is a plug in the hallway facing it.',
    replies: [
      {
        by: 'hiro',
        body: 'Does something in the garage switch on at night, like a freezer compressor or an EV charger? Those can swamp 2.4 GHz briefly. Try moving the Zigbee channel to 25 (Settings → Hub → Radio).',
        upvoters: ['tomasz'],
      },
    ],
  },
  {
    category: 'getting-started',
    by: 'jules',
    daysAgo: 6,
    tags: ['scenes'],
    title: 'Difference between a scene and an automation?',
    body: 'New to Lumen. The app has both "Scenes" and "Automations" and they seem to overlap. When should I use which?',
    replies: [
      {
        by: 'alice',
        body: 'A **scene** is a saved state ("movie night": lamps at 20%, TV light strip purple). An **automation** is a trigger plus actions ("at sunset, if someone is home, run movie night"). Automations can run scenes, scenes never run on their own.',
        upvoters: ['jules', 'lena', 'camille'],
        accepted: true,
      },
    ],
  },
  {
    category: 'feature-ideas',
    by: 'lena',
    daysAgo: 6,
    tags: ['energy', 'dashboard'],
    title: 'Idea: an energy dashboard for smart plugs',
    body: 'The plugs report power draw, but only per device. A dashboard with daily/weekly totals per room and a cost estimate would be great.',
    upvoters: ['tomasz', 'alice', 'bob', 'grace-h', 'oluwaseun'],
    replies: [
      { by: 'tomasz', body: '+1, and an export to CSV so I can compare against my utility bill.', upvoters: ['lena'] },
      {
        by: 'admin',
        body: 'Thanks! This is on the roadmap for early next year; we will post a beta announcement here.',
        upvoters: ['lena', 'tomasz'],
      },
    ],
  },
  {
    category: 'feature-ideas',
    by: 'bob',
    daysAgo: 5,
    tags: ['app'],
    title: 'Idea: widgets for the iOS lock screen',
    body: 'Would love a lock-screen widget to toggle a scene without unlocking the phone.',
    upvoters: ['alice', 'priya_k'],
    replies: [],
  },
  {
    category: 'troubleshooting',
    by: 'priya_k',
    daysAgo: 4,
    tags: ['hub', 'offline'],
    title: 'Hub goes offline every day at 3:12 am',
    body: 'Every single night at 3:12 the hub shows offline for about four minutes. Ethernet connected. Nothing in the router logs. Firmware 4.1.3.',
    replies: [
      {
        by: 'sam_r',
        body: 'That is the nightly firmware check plus reboot window (2–4 am). If it bothers you, set a maintenance window under Settings → Hub → Updates.',
        upvoters: ['priya_k'],
      },
      {
        by: 'priya_k',
        body: 'Found it: my router renews the DHCP lease at 3:10 and the hub briefly gets a new IP. A DHCP reservation fixed it. Leaving this here for others.',
        upvoters: ['sam_r', 'hiro'],
        accepted: true,
      },
    ],
  },
  {
    category: 'integrations-api',
    by: 'jules',
    daysAgo: 3,
    tags: ['ifttt'],
    title: 'IFTTT applet triggers twice for one doorbell press',
    body: 'My "doorbell pressed → send Slack message" applet fires two messages per press, about a second apart.',
    replies: [],
  },
  {
    category: 'getting-started',
    by: 'camille',
    daysAgo: 3,
    tags: ['sharing', 'account'],
    title: 'How do I give my partner access to the home?',
    body: 'I set everything up on my account. My partner should be able to control lights and see cameras, but not delete devices. How?',
    replies: [
      {
        by: 'bob',
        body: 'Home settings → **Members** → Invite. Pick the "Resident" role: controls everything, cannot remove devices or change billing.',
        upvoters: ['camille', 'alice'],
        accepted: true,
      },
    ],
  },
  {
    category: 'troubleshooting',
    by: 'hiro',
    daysAgo: 2,
    tags: ['camera', 'streaming'],
    title: 'Camera live view takes 20+ seconds to start',
    body: 'Indoor camera, 1080p. Live view in the app spins for 20–30 s before the picture appears. Recordings play instantly. Upload speed is 40 Mbit/s.',
    replies: [
      {
        by: 'grace-h',
        body: 'Is "Privacy relay" enabled in the camera settings? It routes live view through the cloud relay. Turning it off gives me a 2 s start on the home network.',
        upvoters: ['hiro'],
      },
    ],
  },
  {
    category: 'troubleshooting',
    by: 'alice',
    daysAgo: 1,
    tags: ['app', 'ios'],
    title: 'App crashes when opening the Automations tab (iOS 19.1)',
    body: 'Since updating to app 5.3.0 on iOS 19.1, tapping Automations closes the app instantly. Reinstalling did not help. Other tabs work.',
    upvoters: ['bob', 'camille'],
    replies: [
      {
        by: 'bob',
        body: 'Same on my iPhone 15. Seems to happen only if you have an automation with a sunset offset.',
        upvoters: ['alice'],
      },
    ],
  },
  {
    category: 'getting-started',
    by: 'oluwaseun',
    daysAgo: 1,
    tags: ['voice', 'alexa'],
    title: 'Can I use Alexa and Google Home at the same time?',
    body: 'Half my family uses Alexa, the other half Google. Can I link Lumen to both?',
    replies: [],
  },
  {
    category: 'troubleshooting',
    by: 'sam_r',
    daysAgo: 9,
    tags: ['duplicate'],
    status: 'CLOSED',
    title: 'Hub blinking blue and error 1007 on setup',
    body: 'Getting error 1007 when setting up my new hub, blue light blinking.',
    replies: [
      {
        by: 'moderator',
        body: 'Closing as a duplicate of "Hub stuck on blinking blue during first setup": the accepted answer there (use the 2.4 GHz band) solves it.',
      },
    ],
  },
  {
    category: 'feature-ideas',
    by: 'dev_marco',
    daysAgo: 17,
    tags: ['api'],
    status: 'LOCKED',
    title: 'GraphQL API for developers?',
    body: 'Any plans for a GraphQL endpoint alongside REST?',
    replies: [
      {
        by: 'admin',
        body: 'Not planned for now: the REST v2 API with cursors covers the same needs. Locking to keep the discussion in the API roadmap thread.',
      },
    ],
  },
  {
    category: 'advocates-lounge',
    by: 'moderator',
    daysAgo: 2,
    tags: ['triage'],
    title: 'Weekly triage: unanswered threads older than a day',
    body: 'Please pick up the IFTTT double-trigger and the Alexa + Google questions before Friday.',
    replies: [],
  },
];

/**
 * Threads whose accepted answers the demo publishes as knowledge articles, with the staff's
 * edit before publishing (the other accepted answers become drafts in the staff queue).
 */
export const DEMO_ARTICLES: {
  thread: string;
  edit?: { cause?: string; environment?: string; note: string };
}[] = [
  {
    thread: 'Hub stuck on blinking blue during first setup',
    edit: {
      environment: '- Lumen hub, first setup\n- Routers with one network name for 2.4 GHz and 5 GHz (band steering)',
      cause:
        'The hub only has a 2.4 GHz radio. A router that steers it to 5 GHz leaves it unable to connect (error 1007).',
      note: 'Environment and cause from the thread',
    },
  },
  {
    thread: 'Sunset automation fires an hour late since the clocks changed',
    edit: {
      cause: 'Firmware 4.1 computes the solar schedule once and caches it across the daylight-saving switch.',
      note: 'Cause from the staff answer',
    },
  },
  { thread: 'Motion sensor battery drains in two weeks' },
];

/**
 * The moderation side of the demo (demo-moderation.ts): who flags what, and what staff decided.
 * The spammer and the held sign-up register from one network after the other members.
 */
export const DEMO_MODERATION = {
  spammer: 'deals_4u',
  heldSignup: 'lumen_helper_2026',
  spam: {
    thread: 'No push notifications on Android 15 (Pixel 8)',
    body: 'Had the same problem! Fixed it for good with this signal booster, 70% off today only: https://deals-4u.example/lumen-booster',
    flaggers: ['bob', 'jules', 'camille'],
  },
  offTopic: {
    thread: 'Can I use Alexa and Google Home at the same time?',
    by: 'tomasz',
    body: 'Slightly unrelated, but does anyone know whether the Lumen app will ever get a proper dark mode on Windows?',
    flagger: 'lena',
    note: 'A feature request: better as its own idea thread.',
  },
  blunt: {
    thread: 'Camera live view takes 20+ seconds to start',
    by: 'hiro',
    body: 'Honestly, read the pinned guide before posting. It says to move the camera to the 5 GHz band, which fixes exactly this.',
    flagger: 'sam_r',
    decision: 'Blunt, but it points to the right fix; not abuse.',
  },
  silenceReason: 'Posting affiliate links in support threads. You can read; a moderator will review your posts.',
  staffNote:
    'Same link pattern as the booster spam on the old forum. A second sign-up came from this network the same day: held.',
  report: {
    article: 'Motion sensor battery drains in two weeks',
    by: 'grace-h',
    note: 'Firmware 4.2 changed the motion reporting interval setting; the steps mention the old menu.',
  },
};
