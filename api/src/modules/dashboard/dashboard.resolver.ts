import { Arg, Ctx, Field, FieldResolver, Float, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { pageSize, parseId } from '../../graphql/pagination.js';
import { sql } from '../../platform/db/sql.js';
import { NotFoundError, ValidationError } from '../../platform/errors.js';
import { Member } from '../accounts/member.entity.js';
import { Category } from '../community/category.entity.js';
import { mayReadCategory } from '../community/visibility.js';
import { hiddenInfluencers, whyHidden } from '../insights/influence/influence.store.js';
import { escalationsByPriority } from '../escalations/escalation-stats.queries.js';
import { sentimentByWeek } from '../insights/sentiment-trend.queries.js';
import { DeflectionStats } from '../knowledge/deflection.resolver.js';
import { deflectionStats } from '../knowledge/deflection.js';
import {
  responseFigures,
  topAdvocates,
  unansweredByAge,
  type Period,
  type ResponseFigures,
} from './dashboard.queries.js';

@ObjectType({ description: 'Durations in seconds: median and 90th percentile (interpolated); null with none.' })
class Durations {
  @Field(() => Int, { nullable: true }) median!: number | null;
  @Field(() => Int, { nullable: true }) p90!: number | null;
  @Field(() => Int, { description: 'The questions measured.' }) count!: number;
}

@ObjectType({ description: 'One UTC week (starting Monday) of the questions asked in the period.' })
class ResponseWeek {
  @Field(() => Date) weekStart!: Date;
  @Field(() => Int) questions!: number;
  @Field(() => Int) solved!: number;
  @Field(() => Durations) firstResponse!: Durations;
  @Field(() => Durations) solution!: Durations;
}

@ObjectType({ description: 'Over the questions asked in the period.' })
class ResponseTimes {
  @Field(() => Durations, { description: 'From the question to the first visible reply by someone else.' })
  firstResponse!: Durations;
  @Field(() => Durations, { description: 'From the question to the answer its asker accepted.' })
  solution!: Durations;
  @Field(() => [ResponseWeek], { description: 'Week by week, oldest first (weeks with questions only).' })
  weekly!: ResponseWeek[];
}

@ObjectType({ description: 'Questions asked in the period and how many are solved.' })
class SolvedShare {
  @Field(() => Int) questions!: number;
  @Field(() => Int, { description: 'With an accepted answer.' }) solved!: number;
  @Field(() => Int, { description: 'With an accepted answer by a member who is not staff.' })
  solvedByCommunity!: number;
  @Field(() => Float, { description: 'solved / questions, 0–1 (0 without questions).' }) share!: number;
  @Field(() => Float, { description: 'solvedByCommunity / questions, 0–1.' }) shareByCommunity!: number;
}

@ObjectType({ description: 'Open unanswered questions of one age.' })
class AgeBucket {
  @Field(() => String, { description: 'UNDER_1_HOUR, UNDER_1_DAY, UNDER_1_WEEK, UNDER_30_DAYS or OVER_30_DAYS.' })
  bucket!: string;
  @Field(() => String) label!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'Escalations of one priority band and status.' })
class EscalationBandCount {
  @Field(() => String, { description: 'URGENT, HIGH or NORMAL (the escalation settings’ thresholds).' }) band!: string;
  @Field(() => String, { description: 'OPEN, IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED or CLOSED.' }) status!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'One UTC week of post sentiment.' })
class SentimentWeek {
  @Field(() => Date) weekStart!: Date;
  @Field(() => Int, { description: 'Scored posts written that week.' }) posts!: number;
  @Field(() => Int, { description: 'Mean score in thousandths (-1000 to 1000).' }) meanScore!: number;
  @Field(() => Float, { description: 'Share of the posts labelled NEGATIVE, 0–1.' }) negativeShare!: number;
}

@ObjectType({ description: 'A member (not staff) ranked by answers accepted in the period.' })
class TopAdvocate {
  memberId!: number;
  @Field(() => Int) acceptedAnswers!: number;
  @Field(() => Int, { description: 'Distinct askers of those answers.' }) askersHelped!: number;
  @Field(() => Boolean, { description: 'Whether they are in the advocate programme.' }) advocate!: boolean;
}

@ObjectType({ description: 'A hidden influencer, as the dashboard lists them (see hiddenInfluencers).' })
class DashboardInfluencer {
  memberId!: number;
  @Field(() => Float) score!: number;
  @Field(() => Int) rank!: number;
  @Field(() => Int) outOf!: number;
  @Field(() => String) why!: string;
}

@ObjectType({ description: 'The staff insights dashboard for one period (and optionally one category).' })
export class InsightsDashboard {
  @Field(() => Int) days!: number;
  @Field(() => Date) from!: Date;
  @Field(() => Date) to!: Date;
  @Field(() => ID, { nullable: true }) categoryId!: number | null;
  /** The response-time statement, run once for both fields that read it. */
  figures?: Promise<ResponseFigures>;
}

const period = (d: InsightsDashboard): Period => ({ from: d.from, to: d.to, categoryId: d.categoryId });

function figuresOf(d: InsightsDashboard, ctx: Context): Promise<ResponseFigures> {
  d.figures ??= responseFigures(ctx.em, ctx.viewer, period(d));
  return d.figures;
}

@Resolver(() => InsightsDashboard)
export class InsightsDashboardResolver {
  @Query(() => InsightsDashboard, {
    description:
      'Staff: response times, solved share, the unanswered queue by age, deflection, sentiment and top advocates over the last `days` (1–365), optionally in one category. Only content a visitor may read counts.',
  })
  async insightsDashboard(
    @Ctx() ctx: Context,
    @Arg('days', () => Int, { defaultValue: 30 }) days: number,
    @Arg('categoryId', () => ID, { nullable: true }) categoryId?: string | null,
  ): Promise<InsightsDashboard> {
    ctx.guardian.ensureCan('insights.read', null);
    if (!Number.isInteger(days) || days < 1 || days > 365) throw new ValidationError({ days: 'days is 1–365.' });
    const category = categoryId ? parseId(categoryId, 'categoryId') : null;
    if (category !== null) {
      const [row] = await sql<Pick<Category, 'kind'>>(ctx.em, 'select kind from categories where id = ?', [category]);
      if (!row || !mayReadCategory(ctx.viewer, row)) throw new NotFoundError('Category');
    }
    const to = new Date();
    return Object.assign(new InsightsDashboard(), {
      days,
      from: new Date(to.getTime() - days * 86_400_000),
      to,
      categoryId: category,
    });
  }

  @FieldResolver(() => ResponseTimes)
  async responseTimes(@Root() d: InsightsDashboard, @Ctx() ctx: Context): Promise<ResponseTimes> {
    const f = await figuresOf(d, ctx);
    return { firstResponse: f.firstResponse, solution: f.solution, weekly: f.weekly };
  }

  @FieldResolver(() => SolvedShare)
  async solved(@Root() d: InsightsDashboard, @Ctx() ctx: Context): Promise<SolvedShare> {
    const f = await figuresOf(d, ctx);
    const share = (n: number) => (f.questions ? n / f.questions : 0);
    return {
      questions: f.questions,
      solved: f.solved,
      solvedByCommunity: f.solvedByCommunity,
      share: share(f.solved),
      shareByCommunity: share(f.solvedByCommunity),
    };
  }

  @FieldResolver(() => [AgeBucket], { description: 'Open questions with no reply now, by age (not by period).' })
  unansweredByAge(@Root() d: InsightsDashboard, @Ctx() ctx: Context): Promise<AgeBucket[]> {
    return unansweredByAge(ctx.em, ctx.viewer, period(d));
  }

  @FieldResolver(() => DeflectionStats, {
    description: 'Suggestions while asking, over the period (deflectionStats; not per category).',
  })
  deflection(
    @Root() d: InsightsDashboard,
    @Ctx() ctx: Context,
    @Arg('top', () => Int, { defaultValue: 5 }) top: number,
  ) {
    return deflectionStats(ctx.em, d.days, Math.min(Math.max(top, 1), 100));
  }

  @FieldResolver(() => [EscalationBandCount], {
    description: 'Escalations opened in the period, by priority band and status (pairs with none are absent).',
  })
  escalationsByPriority(@Root() d: InsightsDashboard, @Ctx() ctx: Context): Promise<EscalationBandCount[]> {
    return escalationsByPriority(ctx.em, ctx.viewer, ctx.settings.escalations, period(d));
  }

  @FieldResolver(() => [SentimentWeek], { description: 'Post sentiment week by week, oldest first.' })
  sentimentTrend(@Root() d: InsightsDashboard, @Ctx() ctx: Context): Promise<SentimentWeek[]> {
    return sentimentByWeek(ctx.em, ctx.viewer, period(d));
  }

  @FieldResolver(() => [TopAdvocate])
  topAdvocates(
    @Root() d: InsightsDashboard,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
  ): Promise<TopAdvocate[]> {
    return topAdvocates(ctx.em, ctx.viewer, period(d), pageSize(first ?? 10));
  }

  @FieldResolver(() => [DashboardInfluencer], {
    description: 'Hidden influencers now (influence is recomputed hourly, not per period).',
  })
  async hiddenInfluencers(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
  ): Promise<DashboardInfluencer[]> {
    const rows = await hiddenInfluencers(ctx.em, pageSize(first ?? 10));
    return rows.map((r) => ({
      memberId: r.memberId,
      score: r.influence.score,
      rank: r.rank,
      outOf: r.outOf,
      why: whyHidden(r),
    }));
  }
}

@Resolver(() => TopAdvocate)
export class TopAdvocateResolver {
  @FieldResolver(() => Member)
  member(@Root() row: TopAdvocate, @Ctx() ctx: Context) {
    return ctx.loaders.memberById.load(row.memberId);
  }
}

@Resolver(() => DashboardInfluencer)
export class DashboardInfluencerResolver {
  @FieldResolver(() => Member)
  member(@Root() row: DashboardInfluencer, @Ctx() ctx: Context) {
    return ctx.loaders.memberById.load(row.memberId);
  }
}
