import http from 'node:http';
import pg from 'pg';

/**
 * The floor: node:http + pg and ONE hand-written SQL statement that returns the thread page
 * as the same JSON the GraphQL API sends. No framework, no ORM, no validation.
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

const server = http.createServer(async (req, res) => {
  if (req.url === '/ready') {
    res.writeHead(200).end('ready');
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
