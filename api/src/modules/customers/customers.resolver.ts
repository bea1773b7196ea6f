import { JSONObjectResolver, SafeIntResolver } from 'graphql-scalars';
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { connectionType, decodeCursor, pageSize, parseId, toConnection } from '../../graphql/pagination.js';
import { ValidationError } from '../../platform/errors.js';
import { Member } from '../accounts/member.entity.js';
import { BADGES } from '../badges/badge.definitions.js';
import { grantCustomerAccess, revokeCustomerAccess } from './commands/grant-customer-access.js';
import { linkCustomer, unlinkCustomer } from './commands/link-customer.js';
import { upsertCustomers, type UpsertStatus } from './commands/upsert-customers.js';
import {
  ambiguousMatches,
  customerByExternalId,
  customerById,
  customerOpenIssues,
  customerTimeline,
  type CustomerRow,
  type TimelineKind,
  type TimelineRow,
} from './customers.queries.js';

enum CustomerUpsertStatus {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  STALE = 'STALE',
  INVALID = 'INVALID',
}
registerEnumType(CustomerUpsertStatus, {
  name: 'CustomerUpsertStatus',
  description:
    "What upsertCustomers did with a record: CREATED; UPDATED (its updatedAt is newer than stored); UNCHANGED (the same updatedAt, sent again); STALE (older than stored: changed nothing); INVALID (see error; the batch's other records are still written).",
});

enum CustomerTimelineKind {
  QUESTION_ASKED = 'QUESTION_ASKED',
  ANSWER_POSTED = 'ANSWER_POSTED',
  SOLUTION_ACCEPTED = 'SOLUTION_ACCEPTED',
  ARTICLE_CONTRIBUTED = 'ARTICLE_CONTRIBUTED',
  BADGE_AWARDED = 'BADGE_AWARDED',
  POST_FLAGGED = 'POST_FLAGGED',
  SANCTIONED = 'SANCTIONED',
  ESCALATED = 'ESCALATED',
}
registerEnumType(CustomerTimelineKind, { name: 'CustomerTimelineKind' });

enum CustomerLinkHow {
  EMAIL = 'EMAIL',
  STAFF = 'STAFF',
}
registerEnumType(CustomerLinkHow, {
  name: 'CustomerLinkHow',
  description: 'EMAIL: by the member’s verified email, automatically. STAFF: by hand.',
});

@InputType()
class CustomerProductInput {
  @Field(() => String) sku!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) version?: string | null;
}

@InputType()
class CustomerConsentInput {
  @Field(() => Boolean, { nullable: true }) email?: boolean | null;
  @Field(() => Boolean, { nullable: true }) analytics?: boolean | null;
}

@InputType({
  description:
    'One CRM record. Only externalId is required by the schema; a record missing name or updatedAt, or with a bad value, is reported INVALID with its index and the others are still written.',
})
class CustomerInput {
  @Field(() => String, { description: 'The CRM’s id: the record’s key (1–200 characters).' }) externalId!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => [String], { nullable: true, description: 'Up to 20; compared lower-cased.' }) emails?: string[] | null;
  @Field(() => String, { nullable: true }) company?: string | null;
  @Field(() => String, { nullable: true, description: 'Plan or segment.' }) segment?: string | null;
  @Field(() => SafeIntResolver, { nullable: true, description: 'In minor units (cents); with currency.' })
  lifetimeValueCents?: number | null;
  @Field(() => String, { nullable: true, description: 'ISO 4217, e.g. EUR.' }) currency?: string | null;
  @Field(() => [CustomerProductInput], { nullable: true }) products?: CustomerProductInput[] | null;
  @Field(() => JSONObjectResolver, { nullable: true, description: 'Network → handle, e.g. {"x": "@acme"}.' })
  socialHandles?: Record<string, unknown> | null;
  @Field(() => CustomerConsentInput, { nullable: true }) consent?: CustomerConsentInput | null;
  @Field(() => Date, { nullable: true, description: 'The CRM’s last change: an older one than stored is STALE.' })
  updatedAt?: Date | null;
}

@ObjectType({ simpleResolvers: true })
class CustomerUpsertResult {
  @Field(() => Int, { description: 'The record’s position in `records`.' }) index!: number;
  @Field(() => String) externalId!: string;
  @Field(() => CustomerUpsertStatus) status!: UpsertStatus;
  @Field(() => ID, { nullable: true }) customerId!: string | null;
  @Field(() => String, { nullable: true, description: 'Why a record is INVALID or STALE.' }) error!: string | null;
}

@ObjectType({ simpleResolvers: true })
class UpsertCustomersPayload {
  @Field(() => [CustomerUpsertResult]) results!: CustomerUpsertResult[];
}

@ObjectType({ simpleResolvers: true })
class CustomerProduct {
  @Field(() => String) sku!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) version!: string | null;
}

@ObjectType({ simpleResolvers: true })
class CustomerConsent {
  @Field(() => Boolean) email!: boolean;
  @Field(() => Boolean) analytics!: boolean;
}

@ObjectType({
  description: 'A customer record from the CRM. Staff with the customer permission only, through every path.',
  simpleResolvers: true,
})
export class Customer {
  @Field(() => ID) id!: string;
  @Field(() => String) externalId!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) company!: string | null;
  @Field(() => String, { nullable: true }) segment!: string | null;
  @Field(() => SafeIntResolver, { nullable: true }) lifetimeValueCents!: number | null;
  @Field(() => String, { nullable: true }) currency!: string | null;
  @Field(() => JSONObjectResolver) socialHandles!: Record<string, string>;
  @Field(() => CustomerConsent) consent!: CustomerConsent;
  @Field(() => Date, { description: 'The CRM’s own updatedAt of the stored version.' }) crmUpdatedAt!: Date;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
  rowId!: number;
}

export const toCustomer = (row: CustomerRow): Customer => ({
  id: String(row.id),
  rowId: row.id,
  externalId: row.external_id,
  name: row.name,
  company: row.company,
  segment: row.segment,
  lifetimeValueCents: row.lifetime_value_cents === null ? null : Number(row.lifetime_value_cents),
  currency: row.currency,
  socialHandles: row.social_handles,
  consent: { email: row.consent_email, analytics: row.consent_analytics },
  crmUpdatedAt: new Date(row.crm_updated_at),
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
});

@ObjectType({ description: 'A member linked to a customer, and how.', simpleResolvers: true })
class CustomerMemberLink {
  @Field(() => CustomerLinkHow) how!: CustomerLinkHow;
  @Field(() => Date) linkedAt!: Date;
  memberId!: number;
  linkedById!: number | null;
}

@ObjectType({
  description:
    'One entry of a customer’s community timeline: what a linked member did or had happen, and what it is about (only what still exists).',
  simpleResolvers: true,
})
class CustomerTimelineItem {
  @Field(() => ID, { description: 'The domain event’s id.' }) id!: string;
  @Field(() => CustomerTimelineKind) kind!: TimelineKind;
  @Field(() => Date) occurredAt!: Date;
  @Field(() => ID, { nullable: true }) threadId!: string | null;
  @Field(() => ID, { nullable: true }) postId!: string | null;
  @Field(() => ID, { nullable: true }) articleId!: string | null;
  @Field(() => String, { nullable: true, description: 'The thread’s or the article’s title.' }) title!: string | null;
  @Field(() => String, { nullable: true, description: 'The thread’s status now (OPEN, ANSWERED, CLOSED, LOCKED).' })
  threadStatus!: string | null;
  @Field(() => String, { nullable: true, description: 'The badge’s key (BADGE_AWARDED).' })
  badge!: string | null;
  @Field(() => String, { nullable: true, description: 'The badge’s name (BADGE_AWARDED).' })
  badgeName!: string | null;
  @Field(() => String, { nullable: true, description: 'SILENCE or SUSPEND (SANCTIONED).' })
  sanctionKind!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'The flag’s reason, the sanction’s reason, the badge’s reason, an escalation’s reason and status now (ESCALATED), or a note.',
  })
  detail!: string | null;
  memberId!: number;
}

const toTimelineItem = (row: TimelineRow): CustomerTimelineItem => ({
  id: row.id,
  kind: row.kind,
  occurredAt: new Date(row.occurred_at),
  threadId: row.thread_id === null ? null : String(row.thread_id),
  postId: row.post_id === null ? null : String(row.post_id),
  articleId: row.article_id === null ? null : String(row.article_id),
  title: row.title,
  threadStatus: row.thread_status,
  badge: row.kind === 'BADGE_AWARDED' ? row.badge : null,
  badgeName: row.kind === 'BADGE_AWARDED' ? (BADGES.find((b) => b.key === row.badge)?.name ?? row.badge) : null,
  sanctionKind: row.kind === 'SANCTIONED' ? row.badge : null,
  detail: row.detail,
  memberId: row.member_id,
});

const CustomerTimelineConnection = connectionType(CustomerTimelineItem, 'CustomerTimeline');

@ObjectType({ description: 'A question of a linked member still waiting for a solution.', simpleResolvers: true })
class CustomerOpenThread {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Int) replyCount!: number;
}

@ObjectType({ description: 'Open-issue health: the linked members’ unresolved questions.', simpleResolvers: true })
class CustomerOpenIssues {
  @Field(() => Int, { description: 'Open questions with no accepted solution.' }) unresolvedQuestions!: number;
  @Field(() => Date, { nullable: true, description: 'When the oldest of them was asked.' })
  oldestWaitingSince!: Date | null;
  @Field(() => [CustomerOpenThread], { description: 'The oldest 50 of them, oldest first.' })
  threads!: CustomerOpenThread[];
  @Field(() => Int, { description: 'Escalations of their threads still being worked (open, in progress, waiting).' })
  openEscalations!: number;
}

@ObjectType({
  description: 'Signals computed for a customer (open issues here; other modules add theirs as fields).',
  simpleResolvers: true,
})
export class CustomerSignals {
  customerId!: number;
}

@ObjectType({
  description: 'A member whose verified email two or more customers share: staff decide.',
  simpleResolvers: true,
})
class AmbiguousCustomerMatch {
  @Field(() => String) email!: string;
  memberId!: number;
  customerIds!: number[];
}
const AmbiguousCustomerMatchConnection = connectionType(AmbiguousCustomerMatch, 'AmbiguousCustomerMatch');

@InputType()
class CustomerLinkInput {
  @Field(() => ID) customerId!: string;
  @Field(() => ID) memberId!: string;
}

@ObjectType({ simpleResolvers: true })
class CustomerLinkPayload {
  @Field(() => Customer) customer!: Customer;
  @Field(() => Member) member!: Member;
}

/** Every path to a customer field starts here: FORBIDDEN for anyone without the customer permission. */
async function ensureCustomerRead(ctx: Context): Promise<void> {
  ctx.guardian.ensureCan('customer.read', await ctx.loaders.customerAccess());
}

async function loadCustomer(ctx: Context, id: number): Promise<Customer> {
  const row = await ctx.loaders.customerById.load(id);
  if (!row) throw new ValidationError({ customerId: 'No customer has this id.' });
  return toCustomer(row);
}

@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => Customer, {
    nullable: true,
    description:
      'Staff with the customer permission (FORBIDDEN for anyone else): a customer by id or by the CRM’s external id (give one); null when none has it.',
  })
  async customer(
    @Arg('id', () => ID, { nullable: true }) id: string | null,
    @Arg('externalId', () => String, { nullable: true }) externalId: string | null,
    @Ctx() ctx: Context,
  ): Promise<Customer | null> {
    await ensureCustomerRead(ctx);
    if ((id === null || id === undefined) === (externalId === null || externalId === undefined)) {
      throw new ValidationError({ id: 'Give either id or externalId.' });
    }
    const row =
      id !== null && id !== undefined
        ? await customerById(ctx.em, parseId(id))
        : externalId!.length <= 200
          ? await customerByExternalId(ctx.em, externalId!)
          : null;
    return row ? toCustomer(row) : null;
  }

  @Query(() => Boolean, {
    description: 'Whether the viewer may read customer records (staff pages ask before linking to them).',
  })
  async viewerCanReadCustomers(@Ctx() ctx: Context): Promise<boolean> {
    return ctx.guardian.can('customer.read', await ctx.loaders.customerAccess());
  }

  @FieldResolver(() => [String])
  async emails(@Root() customer: Customer, @Ctx() ctx: Context): Promise<string[]> {
    await ensureCustomerRead(ctx);
    return ctx.loaders.customerEmails.load(customer.rowId);
  }

  @FieldResolver(() => [CustomerProduct])
  async products(@Root() customer: Customer, @Ctx() ctx: Context): Promise<CustomerProduct[]> {
    await ensureCustomerRead(ctx);
    return ctx.loaders.customerProducts.load(customer.rowId);
  }

  @FieldResolver(() => [Member], { description: 'The members linked to this customer.' })
  async members(@Root() customer: Customer, @Ctx() ctx: Context): Promise<Member[]> {
    await ensureCustomerRead(ctx);
    const links = await ctx.loaders.customerLinks.load(customer.rowId);
    const members = await ctx.loaders.memberById.loadMany(links.map((l) => l.member_id));
    return members.filter((m): m is Member => Boolean(m) && !(m instanceof Error));
  }

  @FieldResolver(() => [CustomerMemberLink], { description: 'The links to members, with how and when they were made.' })
  async memberLinks(@Root() customer: Customer, @Ctx() ctx: Context): Promise<CustomerMemberLink[]> {
    await ensureCustomerRead(ctx);
    const links = await ctx.loaders.customerLinks.load(customer.rowId);
    return links.map((l) => ({
      how: l.how === 'email' ? CustomerLinkHow.EMAIL : CustomerLinkHow.STAFF,
      linkedAt: new Date(l.linked_at),
      memberId: l.member_id,
      linkedById: l.linked_by,
    }));
  }

  @FieldResolver(() => CustomerTimelineConnection, {
    description: 'The linked members’ community activity, newest first (keyset by event).',
  })
  async timeline(
    @Root() customer: Customer,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    await ensureCustomerRead(ctx);
    const limit = pageSize(first);
    const cursor = decodeCursor(after, ['bigid']);
    const rows = await customerTimeline(ctx.em, customer.rowId, limit + 1, (cursor?.[0] as string) ?? null);
    return toConnection(rows.map(toTimelineItem), limit, (item) => [item.id]);
  }

  @FieldResolver(() => CustomerSignals)
  async signals(@Root() customer: Customer, @Ctx() ctx: Context): Promise<CustomerSignals> {
    await ensureCustomerRead(ctx);
    return { customerId: customer.rowId };
  }

  @Query(() => AmbiguousCustomerMatchConnection, {
    description:
      'Staff with the customer permission: verified members whose email two or more customers share, linked to none (never guessed: link them by hand).',
  })
  async ambiguousCustomerMatches(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    await ensureCustomerRead(ctx);
    const limit = pageSize(first);
    const cursor = decodeCursor(after, ['id']);
    const rows = await ambiguousMatches(ctx.em, limit + 1, (cursor?.[0] as number) ?? null);
    return toConnection(
      rows.map((r) => ({ email: r.email, memberId: r.member_id, customerIds: r.customer_ids })),
      limit,
      (m) => [m.memberId],
    );
  }

  @Mutation(() => UpsertCustomersPayload, {
    description:
      'Administrators (and service tokens with customers:write): creates or updates up to 500 records by externalId, each reported with its status.',
  })
  async upsertCustomers(
    @Arg('records', () => [CustomerInput]) records: CustomerInput[],
    @Ctx() ctx: Context,
  ): Promise<UpsertCustomersPayload> {
    const results = await upsertCustomers(ctx, records);
    return {
      results: results.map((r) => ({ ...r, customerId: r.customerId === null ? null : String(r.customerId) })),
    };
  }

  @Mutation(() => CustomerLinkPayload, {
    description: 'Staff with the customer permission: links a member to a customer by hand.',
  })
  async linkCustomer(@Arg('input', () => CustomerLinkInput) input: CustomerLinkInput, @Ctx() ctx: Context) {
    const ids = { customerId: parseId(input.customerId, 'customerId'), memberId: parseId(input.memberId, 'memberId') };
    await linkCustomer(ctx, ids);
    return {
      customer: await loadCustomer(ctx, ids.customerId),
      member: await ctx.loaders.memberById.load(ids.memberId),
    };
  }

  @Mutation(() => CustomerLinkPayload, {
    description:
      'Staff with the customer permission: unlinks a member from a customer (the email linker will not relink them).',
  })
  async unlinkCustomer(@Arg('input', () => CustomerLinkInput) input: CustomerLinkInput, @Ctx() ctx: Context) {
    const ids = { customerId: parseId(input.customerId, 'customerId'), memberId: parseId(input.memberId, 'memberId') };
    await unlinkCustomer(ctx, ids);
    return {
      customer: await loadCustomer(ctx, ids.customerId),
      member: await ctx.loaders.memberById.load(ids.memberId),
    };
  }

  @Mutation(() => Boolean, {
    description: 'Administrators: lets a moderator read customer records; true when it changed.',
  })
  grantCustomerAccess(@Arg('memberId', () => ID) memberId: string, @Ctx() ctx: Context): Promise<boolean> {
    return grantCustomerAccess(ctx, parseId(memberId, 'memberId'));
  }

  @Mutation(() => Boolean, {
    description: 'Administrators: takes a moderator’s customer access back; true when it changed.',
  })
  revokeCustomerAccess(@Arg('memberId', () => ID) memberId: string, @Ctx() ctx: Context): Promise<boolean> {
    return revokeCustomerAccess(ctx, parseId(memberId, 'memberId'));
  }
}

@Resolver(() => CustomerMemberLink)
export class CustomerMemberLinkResolver {
  @FieldResolver(() => Member, { nullable: true })
  member(@Root() link: CustomerMemberLink, @Ctx() ctx: Context) {
    return ctx.loaders.memberById.load(link.memberId);
  }

  @FieldResolver(() => Member, { nullable: true, description: 'Who linked them (STAFF links).' })
  linkedBy(@Root() link: CustomerMemberLink, @Ctx() ctx: Context) {
    return link.linkedById === null ? null : ctx.loaders.memberById.load(link.linkedById);
  }
}

@Resolver(() => CustomerTimelineItem)
export class CustomerTimelineItemResolver {
  @FieldResolver(() => Member, { nullable: true, description: 'The linked member the entry is about.' })
  member(@Root() item: CustomerTimelineItem, @Ctx() ctx: Context) {
    return ctx.loaders.memberById.load(item.memberId);
  }
}

@Resolver(() => CustomerSignals)
export class CustomerSignalsResolver {
  @FieldResolver(() => CustomerOpenIssues)
  async openIssues(@Root() signals: CustomerSignals, @Ctx() ctx: Context): Promise<CustomerOpenIssues> {
    await ensureCustomerRead(ctx);
    const open = await customerOpenIssues(ctx.em, signals.customerId);
    return {
      unresolvedQuestions: open.count,
      oldestWaitingSince: open.oldest ? new Date(open.oldest) : null,
      openEscalations: open.openEscalations,
      threads: open.threads.map((t) => ({
        id: String(t.id),
        title: t.title,
        createdAt: new Date(t.created_at),
        replyCount: t.reply_count,
      })),
    };
  }
}

@Resolver(() => AmbiguousCustomerMatch)
export class AmbiguousCustomerMatchResolver {
  @FieldResolver(() => Member, { nullable: true })
  member(@Root() match: AmbiguousCustomerMatch, @Ctx() ctx: Context) {
    return ctx.loaders.memberById.load(match.memberId);
  }

  @FieldResolver(() => [Customer])
  async customers(@Root() match: AmbiguousCustomerMatch, @Ctx() ctx: Context): Promise<Customer[]> {
    await ensureCustomerRead(ctx);
    const rows = await ctx.loaders.customerById.loadMany(match.customerIds);
    return rows.filter((r): r is CustomerRow => Boolean(r) && !(r instanceof Error)).map(toCustomer);
  }
}

@Resolver(() => Member)
export class MemberCustomerResolver {
  @FieldResolver(() => Customer, {
    nullable: true,
    description:
      'Staff with the customer permission only (null with FORBIDDEN for anyone else, the member included): the customer this member is linked to.',
  })
  async customer(@Root() member: Member, @Ctx() ctx: Context): Promise<Customer | null> {
    await ensureCustomerRead(ctx);
    const link = await ctx.loaders.customerLinkByMember.load(member.id);
    if (!link) return null;
    const row = await ctx.loaders.customerById.load(link.customer_id);
    return row ? toCustomer(row) : null;
  }
}
