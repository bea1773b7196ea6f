import http from 'node:http';
import pg from 'pg';

/**
 * The floor: node:http + pg and ONE hand-written SQL statement per page (the thread page, the
 * customer 360 view) that returns it as the same JSON the GraphQL API sends. No framework, no
 * ORM, no validation.
 */
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const iso = (col: string) => `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const post = (alias: string, member: string) =>
  `json_build_object('id', ${alias}.id::text, 'bodyHtml', ${alias}.body_html, 'score', ${alias}.score, 'author', json_build_object('handle', ${member}.handle))`;

const THREAD_SQL = `
select json_build_object('data', json_build_object('thread', json_build_object(
  'id', t.id::text, 'title', t.title, 'status', t.status, 'tags', t.tags, 'score', t.score,
  'viewCount', t.view_count, 'replyCount', t.reply_count, 'createdAt', ${iso('t.created_at')},
  'author', json_build_object('handle', a.handle),
  'category', json_build_object('name', c.name, 'slug', c.slug),
  'question', (select ${post('q', 'qa')} from posts q join members qa on qa.id = q.author_id where q.id = t.question_post_id),
  'acceptedAnswer', (select ${post('s', 'sa')} from posts s join members sa on sa.id = s.author_id
                      where s.id = t.accepted_post_id and s.deleted_at is null),
  'replies', (select json_build_object(
      'edges', coalesce(json_agg(json_build_object('node', json_build_object(
          'id', r.id::text, 'bodyHtml', r.body_html, 'score', r.score, 'isAccepted', r.id = t.accepted_post_id,
          'createdAt', ${iso('r.created_at')}, 'author', json_build_object('id', r.author_id::text, 'handle', r.handle)))
        order by r.score desc, r.id) filter (where r.n <= 30), '[]'),
      'pageInfo', json_build_object('hasNextPage', count(*) > 30, 'endCursor', null))
    from (select p.id, p.body_html, p.score, p.created_at, p.author_id, m.handle,
                 row_number() over (order by p.score desc, p.id) as n
            from posts p join members m on m.id = p.author_id
           where p.thread_id = t.id and p.deleted_at is null and not p.is_question
           order by p.score desc, p.id limit 31) r)
))) as body
from threads t join members a on a.id = t.author_id join categories c on c.id = t.category_id
where t.id = $1 and t.deleted_at is null`;

/**
 * The customer 360 page as the web app asks for it (CustomerView): the record, its emails and
 * products, the linked members, a page of 25 timeline entries after an event id (the same seven
 * kinds of entry, each a keyset range of the linked members' events joined to what they are
 * about, as customers.queries.ts reads them), and open issues (count, oldest, the oldest 50).
 */
const TIMELINE_PARTS = [
  `select e.id, 'QUESTION_ASKED' as kind, e.occurred_at, t.author_id as member_id, t.id as thread_id,
          t.question_post_id as post_id, null::int as article_id, t.title, t.status as thread_status,
          null as badge, null as detail
     from domain_events e join threads t on t.id = (e.data->>'threadId')::int and t.deleted_at is null
    where e.name = 'thread.created' and e.related && $refs and t.author_id = any($ids) and e.id < $after
    order by e.id desc limit 26`,
  `select e.id, 'ANSWER_POSTED', e.occurred_at, p.author_id, t.id, p.id, null, t.title, t.status, null,
          case when t.accepted_post_id = p.id then 'The solution' end
     from domain_events e
     join posts p on p.id = (e.data->>'postId')::int and p.deleted_at is null and not p.is_question
     join threads t on t.id = p.thread_id and t.deleted_at is null
    where e.name = 'post.created' and e.related && $refs and p.author_id = any($ids) and e.id < $after
    order by e.id desc limit 26`,
  `select e.id, 'SOLUTION_ACCEPTED', e.occurred_at, p.author_id, t.id, p.id, null, t.title, t.status, null,
          case when t.accepted_post_id is distinct from p.id then 'No longer the solution' end
     from domain_events e
     join posts p on p.id = (e.data->>'postId')::int and p.deleted_at is null
     join threads t on t.id = p.thread_id and t.deleted_at is null
    where e.name = 'answer.accepted' and e.related && $refs and p.author_id = any($ids) and e.id < $after
    order by e.id desc limit 26`,
  `select e.id, 'ARTICLE_CONTRIBUTED', e.occurred_at, (e.data->>'answerAuthorId')::int, null, null, a.id,
          a.title, null, null, null
     from domain_events e join articles a on a.id = (e.data->>'articleId')::int and a.state = 'PUBLISHED'
    where e.name = 'article.published' and e.related && $refs and (e.data->>'firstPublication')::boolean
      and (e.data->>'answerAuthorId')::int = any($ids) and e.id < $after
    order by e.id desc limit 26`,
  `select e.id, 'BADGE_AWARDED', e.occurred_at, b.member_id, b.thread_id, b.post_id, null, t.title, null,
          b.badge, b.reason
     from domain_events e join badge_awards b on b.id = (e.data->>'awardId')::bigint
     left join threads t on t.id = b.thread_id and t.deleted_at is null
    where e.name = 'badge.awarded' and e.subject = any($refs) and e.id < $after
    order by e.id desc limit 26`,
  `select e.id, 'POST_FLAGGED', e.occurred_at, p.author_id, t.id, p.id, null, t.title, t.status, null,
          e.data->>'reason'
     from domain_events e
     join posts p on p.id = (e.data->>'postId')::int and p.deleted_at is null
     join threads t on t.id = p.thread_id and t.deleted_at is null
    where e.name = 'post.flagged' and e.related && $refs and p.author_id = any($ids) and e.id < $after
    order by e.id desc limit 26`,
  `select e.id, 'SANCTIONED', e.occurred_at, (e.data->>'memberId')::int, null, null, null, null, null,
          e.data->>'kind', e.data->>'reason'
     from domain_events e
    where e.name in ('member.silenced', 'member.suspended') and e.subject = any($refs) and e.id < $after
    order by e.id desc limit 26`,
];

const CUSTOMER_SQL = `
with entries as (
  select x.*, row_number() over (order by x.id desc) as n from (
    ${TIMELINE_PARTS.map((p) => `(${p.replaceAll('$ids', '$3::int[]').replaceAll('$refs', '$4::text[]').replaceAll('$after', '$2::bigint')})`).join(' union all ')}
  ) x order by x.id desc limit 26),
open as (select t.id, t.title, t.created_at, t.reply_count
           from threads t join customer_links l on l.member_id = t.author_id
          where l.customer_id = $1 and t.deleted_at is null and t.status = 'OPEN' and t.accepted_post_id is null)
select json_build_object('data', json_build_object('customer', json_build_object(
  'id', c.id::text, 'externalId', c.external_id, 'name', c.name, 'company', c.company, 'segment', c.segment,
  'lifetimeValueCents', c.lifetime_value_cents, 'currency', c.currency, 'socialHandles', c.social_handles,
  'consent', json_build_object('email', c.consent_email, 'analytics', c.consent_analytics),
  'crmUpdatedAt', ${iso('c.crm_updated_at')},
  'emails', coalesce((select json_agg(email order by email) from customer_emails where customer_id = c.id), '[]'),
  'products', coalesce((select json_agg(json_build_object('sku', sku, 'name', name, 'version', version) order by sku)
                          from customer_products where customer_id = c.id), '[]'),
  'memberLinks', coalesce((select json_agg(json_build_object(
      'how', upper(l.how), 'linkedAt', ${iso('l.linked_at')},
      'member', json_build_object('id', m.id::text, 'handle', m.handle, 'avatarHash', av.hash, 'role', m.role,
                                  'isAdvocate', m.is_advocate),
      'linkedBy', case when b.id is not null then json_build_object('handle', b.handle) end)
    order by l.linked_at, l.member_id)
    from customer_links l join members m on m.id = l.member_id
    left join member_avatars av on av.member_id = m.id left join members b on b.id = l.linked_by
    where l.customer_id = c.id), '[]'),
  'timeline', (select json_build_object(
      'edges', coalesce(json_agg(json_build_object('node', json_build_object(
          'id', e.id::text, 'kind', e.kind, 'occurredAt', ${iso('e.occurred_at')}, 'threadId', e.thread_id::text,
          'postId', e.post_id::text, 'articleId', e.article_id::text, 'title', e.title, 'threadStatus', e.thread_status,
          'badge', e.badge, 'detail', e.detail, 'member', json_build_object('handle', m.handle)))
        order by e.id desc) filter (where e.n <= 25), '[]'),
      'pageInfo', json_build_object('hasNextPage', count(*) > 25,
                                    'endCursor', (min(e.id) filter (where e.n <= 25))::text))
    from entries e join members m on m.id = e.member_id),
  'signals', json_build_object('openIssues', json_build_object(
      'unresolvedQuestions', (select count(*) from open),
      'oldestWaitingSince', (select ${iso('min(created_at)')} from open),
      'threads', coalesce((select json_agg(json_build_object('id', o.id::text, 'title', o.title,
                                                             'createdAt', ${iso('o.created_at')}, 'replyCount', o.reply_count)
                                           order by o.created_at, o.id)
                             from (select * from open order by created_at, id limit 50) o), '[]')))
))) as body
from customers c where c.id = $1`;

const server = http.createServer(async (req, res) => {
  if (req.url === '/ready') {
    res.writeHead(200).end('ready');
    return;
  }
  const customer = /^\/customer\/(\d+)(?:\?after=(\d+))?$/.exec(req.url ?? '');
  if (customer) {
    try {
      const id = Number(customer[1]);
      const after = customer[2] ?? '9223372036854775807';
      // The linked members first: the page's ranges are planned for them (as the API does).
      const members = (
        await pool.query<{ id: number }>(`select member_id as id from customer_links where customer_id = $1`, [id])
      ).rows.map((r) => r.id);
      const { rows } = await pool.query(CUSTOMER_SQL, [id, after, members, members.map((m) => `member:${m}`)]);
      res.writeHead(rows[0] ? 200 : 404, { 'content-type': 'application/json' });
      res.end(rows[0] ? JSON.stringify(rows[0].body) : '{}');
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
    return;
  }
  const match = /^\/thread\/(\d+)$/.exec(req.url ?? '');
  if (!match) {
    res.writeHead(404).end();
    return;
  }
  try {
    const { rows } = await pool.query(THREAD_SQL, [Number(match[1])]);
    res.writeHead(rows[0] ? 200 : 404, { 'content-type': 'application/json' });
    res.end(rows[0] ? JSON.stringify(rows[0].body) : '{}');
  } catch (err) {
    res.writeHead(500).end(String(err));
  }
});
server.listen(Number(process.env.PORT ?? 4301), '127.0.0.1', () => console.log('baseline listening'));
