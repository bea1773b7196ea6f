import { Migration } from '@mikro-orm/migrations';

/**
 * Signals for staff (api/src/modules/insights). post_sentiments: each post's sentiment, computed
 * after commit by a subscriber (score is vader's compound in thousandths; cues from the
 * project's rules; version names the rules that computed it, so a backfill can redo old ones).
 * solution_views: a thread's view count when its current solution was accepted, so the reach
 * of a solution counts views after it (thread_views keeps only the last two days).
 * member_influence: each member's influence, recomputed by a job, with the parts that make it.
 * influencer_nominations: staff nominations of hidden influencers to the advocate programme.
 */
export class Migration20261206300000_insights extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table post_sentiments (
        post_id int primary key references posts (id) on delete cascade,
        score smallint not null check (score between -1000 and 1000),
        label text not null check (label in ('POSITIVE', 'NEUTRAL', 'NEGATIVE')),
        cues text[] not null default '{}',
        computed_at timestamptz not null default now(),
        version smallint not null
      );
      create table solution_views (
        thread_id int primary key references threads (id) on delete cascade,
        post_id int not null,
        views_at_solution int not null check (views_at_solution >= 0),
        accepted_at timestamptz not null default now()
      );
      create table member_influence (
        member_id int primary key references members (id) on delete cascade,
        score double precision not null,
        parts jsonb not null,
        computed_at timestamptz not null default now()
      );
      create index member_influence_score_idx on member_influence (score desc, member_id);
      create table influencer_nominations (
        id bigserial primary key,
        member_id int not null references members (id),
        nominated_by int not null references members (id),
        score double precision not null,
        created_at timestamptz not null default now()
      );
      create index influencer_nominations_member_idx on influencer_nominations (member_id, id desc);
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop table influencer_nominations;
      drop table member_influence;
      drop table solution_views;
      drop table post_sentiments;
    `);
  }
}
