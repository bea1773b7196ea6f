import { JSONObjectResolver } from 'graphql-scalars';
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  Float,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { connectionType, pageSize, parseId } from '../../graphql/pagination.js';
import type { DomainEvent } from '../../platform/events/events.js';
import { ValidationError } from '../../platform/errors.js';
import { Member } from '../accounts/member.entity.js';
import { listEvents } from './event-log.queries.js';

@ObjectType('DomainEvent', {
  description: 'Something that happened, as recorded in the same transaction (the audit trail).',
  simpleResolvers: true,
})
export class DomainEventType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'What happened, e.g. post.removed.' }) name!: string;
  @Field(() => String, { description: 'member, service or system.' }) actorType!: string;
  @Field(() => String, { nullable: true, description: 'The job or integration, for system and service actors.' })
  actorLabel!: string | null;
  @Field(() => String, { description: 'What it is about, as kind:id (e.g. post:12).' }) subject!: string;
  @Field(() => [String], { description: 'What else it concerns (its thread, the member affected…).' })
  related!: string[];
  @Field(() => JSONObjectResolver, { description: 'The details: before and after for changes.' })
  data!: Record<string, unknown>;
  @Field(() => Date) occurredAt!: Date;
  @Field(() => ID, { nullable: true, description: 'The service token that did it, for service actors.' })
  serviceTokenId!: string | null;
  actorId!: number | null;
}

export const toType = (e: DomainEvent): DomainEventType => ({
  id: e.id,
  name: e.name,
  actorType: e.actor.type,
  actorLabel: e.actor.label,
  actorId: e.actor.type === 'member' ? e.actor.id : null,
  serviceTokenId: e.actor.type === 'service' && e.actor.id !== null ? String(e.actor.id) : null,
  subject: e.subject,
  related: e.related,
  data: e.data as Record<string, unknown>,
  occurredAt: e.occurredAt,
});

export const DomainEventConnection = connectionType(DomainEventType, 'DomainEvent');

@InputType()
class EventLogFilterInput {
  @Field(() => String, { nullable: true, description: 'kind:id, e.g. thread:12: events about it or concerning it.' })
  subject?: string | null;
  @Field(() => ID, { nullable: true, description: 'Events this member did.' }) actorId?: string | null;
  @Field(() => [String], { nullable: true, description: 'Event names, e.g. ["post.removed"].' })
  kinds?: string[] | null;
}

@InputType()
class AuditLogFilterInput {
  @Field(() => ID, { nullable: true, description: 'Actions this moderator (or member) took.' }) actorId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Actions about or concerning this member.' }) memberId?:
    string | null;
  @Field(() => ID, { nullable: true, description: 'Actions about or concerning this thread.' }) threadId?:
    string | null;
  @Field(() => [String], {
    nullable: true,
    description: 'Event names, e.g. ["thread.merged", "member.silenced"]; any noun.verb is accepted.',
  })
  kinds?: string[] | null;
}

/** Data of a change, by the events' convention: `before` and `after`, or a status `from` and `to`. */
const changeSide = (data: Record<string, unknown>, side: 'before' | 'after'): Record<string, unknown> | null => {
  const value = data[side] ?? data[side === 'before' ? 'from' : 'to'];
  if (value === undefined || value === null) return null;
  return typeof value === 'object' ? (value as Record<string, unknown>) : { status: value };
};

@ObjectType({ description: 'Where one event subscriber stands in the log.', simpleResolvers: true })
class EventSubscriberStatus {
  @Field(() => String) subscriber!: string;
  @Field(() => [String]) events!: string[];
  @Field(() => ID, { description: 'The last event it has passed.' }) positionId!: string;
  @Field(() => Float) handled!: number;
  @Field(() => Int, { description: 'Events of its kinds still to deliver (counted up to 100,000).' }) backlog!: number;
  @Field(() => Int, { description: 'Events parked after failing.' }) failures!: number;
  @Field(() => Date) updatedAt!: Date;
  @Field(() => Float, {
    nullable: true,
    description: 'Commit-to-handled lag, median of recent events in this instance.',
  })
  lagP50Ms!: number | null;
  @Field(() => Float, { nullable: true }) lagP99Ms!: number | null;
  @Field(() => Int) lagSamples!: number;
}

/**
 * Kinds of events the viewer may not read in the log: a customer record's events (which
 * members are which customer, external ids) are for staff with the customer permission only;
 * webhook endpoints' (their URLs) for administrators, who alone see webhooks.
 */
async function hiddenFrom(ctx: Context): Promise<string[]> {
  return [
    ...(ctx.guardian.can('customer.read', await ctx.loaders.customerAccess()) ? [] : ['customer.']),
    ...(ctx.guardian.can('webhook.read', null) ? [] : ['webhook.']),
  ];
}

@Resolver(() => DomainEventType)
export class EventLogResolver {
  @Query(() => DomainEventConnection, { description: 'The event log, newest first (staff).' })
  async events(
    @Ctx() ctx: Context,
    @Arg('filter', () => EventLogFilterInput, { nullable: true }) filter?: EventLogFilterInput | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    ctx.guardian.ensureCan('event.read', null);
    const page = await listEvents(
      ctx.em,
      {
        subject: filter?.subject,
        actorId: filter?.actorId == null ? null : parseId(filter.actorId, 'actorId'),
        kinds: filter?.kinds,
        hiddenPrefixes: await hiddenFrom(ctx),
      },
      { first: pageSize(first), after },
    );
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toType(e.node) })) };
  }

  @Query(() => DomainEventConnection, {
    description:
      'Moderator and administrator actions, newest first (staff): who did what to whom, before and after, and why.',
  })
  async auditLog(
    @Ctx() ctx: Context,
    @Arg('filter', () => AuditLogFilterInput, { nullable: true }) filter?: AuditLogFilterInput | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    ctx.guardian.ensureCan('event.read', null);
    const id = (value: string | null | undefined, field: string) => (value == null ? null : parseId(value, field));
    const page = await listEvents(
      ctx.em,
      {
        audit: true,
        actorId: id(filter?.actorId, 'actorId'),
        memberId: id(filter?.memberId, 'memberId'),
        threadId: id(filter?.threadId, 'threadId'),
        kinds: filter?.kinds,
        hiddenPrefixes: await hiddenFrom(ctx),
      },
      { first: pageSize(first), after },
    );
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toType(e.node) })) };
  }

  @FieldResolver(() => JSONObjectResolver, { nullable: true, description: 'What changed, as it was (changes only).' })
  before(@Root() event: DomainEventType) {
    return changeSide(event.data, 'before');
  }

  @FieldResolver(() => JSONObjectResolver, { nullable: true, description: 'What changed, as it became.' })
  after(@Root() event: DomainEventType) {
    return changeSide(event.data, 'after');
  }

  @FieldResolver(() => String, { nullable: true, description: 'Why, as the moderator gave it.' })
  reason(@Root() event: DomainEventType) {
    return typeof event.data.reason === 'string' ? event.data.reason : null;
  }

  @FieldResolver(() => Member, { nullable: true, description: 'The member who did it, for member actors.' })
  actor(@Root() event: DomainEventType, @Ctx() ctx: Context) {
    return event.actorId === null ? null : ctx.loaders.memberById.load(event.actorId);
  }

  @Query(() => [EventSubscriberStatus], { description: 'Event subscribers and their backlog (staff).' })
  eventSubscribers(@Ctx() ctx: Context) {
    ctx.guardian.ensureCan('event.read', null);
    return ctx.services.events.status(ctx.em);
  }

  @Mutation(() => Boolean, {
    description: 'Delivers every event from fromEventId on to a subscriber again (administrators).',
  })
  async replayEvents(
    @Arg('subscriber', () => String) subscriber: string,
    @Arg('fromEventId', () => ID) fromEventId: string,
    @Ctx() ctx: Context,
  ) {
    ctx.guardian.ensureCan('event.replay', null);
    if (!ctx.services.events.names.includes(subscriber)) {
      throw new ValidationError({ subscriber: `No subscriber is called ${subscriber}.` });
    }
    if (!/^[0-9]{1,18}$/.test(fromEventId)) throw new ValidationError({ fromEventId: 'Give an event id.' });
    await ctx.services.events.replay(subscriber, fromEventId);
    return true;
  }
}
