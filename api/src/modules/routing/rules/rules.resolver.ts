import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../../graphql/context.js';
import { parseId } from '../../../graphql/pagination.js';
import { createRoutingRule, deleteRoutingRule, reorderRoutingRules, updateRoutingRule } from './manage-rules.js';
import { actionsText, conditionsText, ruleRows, type RuleRow } from './rules.queries.js';

@ObjectType({ description: 'Admins: a routing rule (conditions on a new question → actions).', simpleResolvers: true })
class RoutingRule {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => Boolean) enabled!: boolean;
  @Field(() => Int, { description: 'Its place in the order (0 first): rules apply in this order.' }) position!: number;
  @Field(() => [ID], { description: 'The question is in one of these categories (empty: any).' })
  categoryIds!: string[];
  @Field(() => [String]) categoryNames!: string[];
  @Field(() => [String], { description: 'The question carries any of these tags (empty: any).' }) tags!: string[];
  @Field(() => [String], {
    description: "The asker's linked customer is in one of these segments (empty: any, even no customer).",
  })
  segments!: string[];
  @Field(() => Boolean, { description: "The question's sentiment is NEGATIVE." }) sentimentNegative!: boolean;
  @Field(() => Int, { nullable: true, description: "The question's sentiment score is at most this (-1000…1000)." })
  sentimentScoreAtMost!: number | null;
  @Field(() => [String], {
    description: 'The question shows any of these cues: FRUSTRATION, URGENCY, CONFUSION, CHURN_RISK.',
  })
  sentimentCues!: string[];
  @Field(() => [String], { description: 'Members notified, by handle.' }) notifyHandles!: string[];
  @Field(() => Boolean, { description: 'Notify the moderators (and administrators).' }) notifyModerators!: boolean;
  @Field(() => Int, { description: "Points added to the thread's open escalation (0: none)." }) raisePriority!: number;
  @Field(() => Boolean, { description: 'Escalate the thread (NEEDS_STAFF, note "rule: <name>").' }) escalate!: boolean;
  @Field(() => String, { description: 'The conditions in words.' }) conditions!: string;
  @Field(() => String, { description: 'The actions in words.' }) actions!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
}

const toRule = (r: RuleRow): RoutingRule => ({
  id: String(r.id),
  name: r.name,
  enabled: r.enabled,
  position: r.position,
  categoryIds: r.category_ids.map(String),
  categoryNames: r.category_names,
  tags: r.tags,
  segments: r.segments,
  sentimentNegative: r.sentiment_negative,
  sentimentScoreAtMost: r.sentiment_score_at_most,
  sentimentCues: r.sentiment_cues,
  notifyHandles: r.notify_handles,
  notifyModerators: r.notify_moderators,
  raisePriority: r.raise_priority,
  escalate: r.escalate,
  conditions: conditionsText(r),
  actions: actionsText(r),
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

@InputType({ description: 'A routing rule: every condition given must hold; at least one action.' })
class CreateRoutingRuleInput {
  @Field(() => String, { description: '1 to 100 characters, unique.' }) name!: string;
  @Field(() => Boolean, { nullable: true, description: 'Default true.' }) enabled?: boolean | null;
  @Field(() => [ID], { nullable: true }) categoryIds?: string[] | null;
  @Field(() => [String], { nullable: true }) tags?: string[] | null;
  @Field(() => [String], { nullable: true }) segments?: string[] | null;
  @Field(() => Boolean, { nullable: true }) sentimentNegative?: boolean | null;
  @Field(() => Int, { nullable: true }) sentimentScoreAtMost?: number | null;
  @Field(() => [String], { nullable: true }) sentimentCues?: string[] | null;
  @Field(() => [String], { nullable: true }) notifyHandles?: string[] | null;
  @Field(() => Boolean, { nullable: true }) notifyModerators?: boolean | null;
  @Field(() => Int, { nullable: true, description: '0 to 100.' }) raisePriority?: number | null;
  @Field(() => Boolean, { nullable: true }) escalate?: boolean | null;
}

@InputType({
  description: 'What to change; fields left out (or null) stay, except sentimentScoreAtMost: see clearSentimentScore.',
})
class UpdateRoutingRuleInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => Boolean, { nullable: true }) enabled?: boolean | null;
  @Field(() => [ID], { nullable: true }) categoryIds?: string[] | null;
  @Field(() => [String], { nullable: true }) tags?: string[] | null;
  @Field(() => [String], { nullable: true }) segments?: string[] | null;
  @Field(() => Boolean, { nullable: true }) sentimentNegative?: boolean | null;
  @Field(() => Int, { nullable: true }) sentimentScoreAtMost?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Drop the score condition.' }) clearSentimentScore?:
    boolean | null;
  @Field(() => [String], { nullable: true }) sentimentCues?: string[] | null;
  @Field(() => [String], { nullable: true }) notifyHandles?: string[] | null;
  @Field(() => Boolean, { nullable: true }) notifyModerators?: boolean | null;
  @Field(() => Int, { nullable: true }) raisePriority?: number | null;
  @Field(() => Boolean, { nullable: true }) escalate?: boolean | null;
}

/** The input's fields that were given (null and undefined: left out), category ids parsed. */
function given(input: Omit<UpdateRoutingRuleInput, 'id' | 'clearSentimentScore'>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === null || value === undefined) continue;
    out[key] = key === 'categoryIds' ? (value as string[]).map((v) => parseId(v, 'categoryIds')) : value;
  }
  return out;
}

@Resolver()
export class RoutingRulesResolver {
  @Query(() => [RoutingRule], { description: 'Admins: the routing rules, in the order they apply.' })
  async routingRules(@Ctx() ctx: Context): Promise<RoutingRule[]> {
    ctx.guardian.ensureCan('routing.rule.read', null);
    return (await ruleRows(ctx.em)).map(toRule);
  }

  @Mutation(() => RoutingRule, { description: 'Admins: adds a routing rule, last in the order.' })
  async createRoutingRule(
    @Arg('input', () => CreateRoutingRuleInput) input: CreateRoutingRuleInput,
    @Ctx() ctx: Context,
  ): Promise<RoutingRule> {
    ctx.guardian.ensureCan('routing.rule.manage', null);
    return toRule(await createRoutingRule(ctx, given(input)));
  }

  @Mutation(() => RoutingRule, { description: 'Admins: changes a routing rule (enable or disable it with `enabled`).' })
  async updateRoutingRule(
    @Arg('input', () => UpdateRoutingRuleInput) input: UpdateRoutingRuleInput,
    @Ctx() ctx: Context,
  ): Promise<RoutingRule> {
    ctx.guardian.ensureCan('routing.rule.manage', null);
    const { id, clearSentimentScore, ...rest } = input;
    const changes = given(rest);
    if (clearSentimentScore) changes.sentimentScoreAtMost = null;
    return toRule(await updateRoutingRule(ctx, parseId(id), changes));
  }

  @Mutation(() => ID, { description: 'Admins: deletes a routing rule; returns its id.' })
  async deleteRoutingRule(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<string> {
    await deleteRoutingRule(ctx, parseId(id));
    return id;
  }

  @Mutation(() => [RoutingRule], { description: 'Admins: puts the rules in this order (every rule id once).' })
  async reorderRoutingRules(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: Context): Promise<RoutingRule[]> {
    ctx.guardian.ensureCan('routing.rule.manage', null);
    return (
      await reorderRoutingRules(
        ctx,
        ids.map((id) => parseId(id, 'ids')),
      )
    ).map(toRule);
  }
}
