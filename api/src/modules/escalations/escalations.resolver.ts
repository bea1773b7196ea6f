import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
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
import { isStaffViewer, type Viewer } from '../../platform/authz/guardian.js';
import { ValidationError } from '../../platform/errors.js';
import { Member } from '../accounts/member.entity.js';
import { Category } from '../community/category.entity.js';
import { visiblePost, visibleThread } from '../community/community.queries.js';
import { Post } from '../community/post.entity.js';
import { Thread } from '../community/thread.entity.js';
import { isListedPost } from '../community/visibility.js';
import { Customer, toCustomer } from '../customers/customers.resolver.js';
import { hitUrl, SearchHit } from '../search/search.resolver.js';
import { similarQuestions } from '../search/search.queries.js';
import { escalateThread } from './commands/escalate-thread.js';
import { postEscalationResolution } from './commands/post-resolution.js';
import { setEscalationStatus, updateEscalationCase } from './commands/update-escalation.js';
import { caseStatusToStatus } from './case-status.js';
import type { EscalationReason as Reason, EscalationStatus as Status } from './escalations.events.js';
import { escalationById, latestEscalations, listEscalations, type EscalationRow } from './escalations.queries.js';
import { explainPriority, type PriorityPart as Part } from './priority.js';

declare module '../../platform/module.js' {
  interface Loaders {
    /** Each thread's latest escalation (the open one if any). */
    escalationByThread: DataLoader<number, EscalationRow | null>;
  }
}

export const escalationLoaders = (em: EntityManager) => ({
  escalationByThread: new DataLoader<number, EscalationRow | null>(async (ids) => {
    const rows = await latestEscalations(em, ids);
    return ids.map((id) => rows.get(id) ?? null);
  }),
});

export enum EscalationReason {
  UNANSWERED = 'UNANSWERED',
  NEEDS_STAFF = 'NEEDS_STAFF',
  NEGATIVE_URGENT = 'NEGATIVE_URGENT',
}
registerEnumType(EscalationReason, {
  name: 'EscalationReason',
  description:
    'UNANSWERED: no answer within its category’s target time. NEEDS_STAFF: its asker, an advocate or staff asked for staff. NEGATIVE_URGENT: a strongly negative, urgent post from a valuable customer.',
});

export enum EscalationStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  WAITING_ON_CUSTOMER = 'WAITING_ON_CUSTOMER',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
}
registerEnumType(EscalationStatus, {
  name: 'EscalationStatus',
  description:
    'OPEN: waiting for staff. IN_PROGRESS: a support agent is on it. WAITING_ON_CUSTOMER: staff wait for the asker. RESOLVED, CLOSED: done.',
});

@ObjectType({ description: 'One part of an escalation’s priority.', simpleResolvers: true })
export class PriorityPart {
  @Field(() => String, { description: 'value, influence, sentiment, waited or advocate.' }) name!: string;
  @Field(() => Int) points!: number;
  @Field(() => String, { description: 'What the points come from.' }) detail!: string;
}

/** Who reads an escalation: staff in full; its asker (and whoever asked) status and case status; a CRM its case. */
type View = 'staff' | 'asker' | 'service';

@ObjectType({
  description:
    'A thread escalated to staff (a case). Staff read it in full; its asker reads its status and case status (the rest null).',
  simpleResolvers: true,
})
export class Escalation {
  @Field(() => ID) id!: string;
  @Field(() => Int, { nullable: true, description: 'Staff only: higher first (advocates’ before all).' })
  priority!: number | null;
  @Field(() => String, { nullable: true, description: 'Staff only: the formula with its numbers.' })
  priorityExplanation!: string | null;
  @Field(() => [PriorityPart], { nullable: true, description: 'Staff only.' }) priorityParts!: PriorityPart[] | null;
  @Field(() => EscalationReason) reason!: Reason;
  @Field(() => EscalationStatus) status!: Status;
  @Field(() => Date, { nullable: true, description: 'Staff only: when it should be answered (from its priority).' })
  slaDueAt!: Date | null;
  @Field(() => Boolean, { nullable: true, description: 'Staff only: still open past slaDueAt.' })
  slaBreached!: boolean | null;
  @Field(() => String, { nullable: true, description: 'The CRM’s case id (staff and the CRM).' }) caseId!:
    string | null;
  @Field(() => String, { nullable: true, description: 'The case in the CRM (staff and the CRM).' })
  caseUrl!: string | null;
  @Field(() => String, { nullable: true, description: 'The CRM’s own status word, as it sent it.' })
  caseStatus!: string | null;
  @Field(() => String, { nullable: true, description: 'Staff only: the case’s resolution.' })
  resolution!: string | null;
  @Field(() => String, { nullable: true, description: 'Staff only: what the asker said when asking for staff.' })
  note!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
  row!: EscalationRow;
  view!: View;
}

const OPEN = new Set<Status>(['OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER']);

export function toEscalation(row: EscalationRow, view: View): Escalation {
  const staff = view === 'staff';
  const parts = row.priority_parts as Part[];
  const due = new Date(row.sla_due_at);
  return {
    id: String(row.id),
    priority: staff ? row.priority : null,
    priorityExplanation: staff ? explainPriority(parts) : null,
    priorityParts: staff ? parts : null,
    reason: row.reason,
    status: row.status,
    slaDueAt: staff ? due : null,
    slaBreached: staff ? OPEN.has(row.status) && due.getTime() < Date.now() : null,
    caseId: view === 'asker' ? null : row.case_id,
    caseUrl: view === 'asker' ? null : row.case_url,
    caseStatus: row.case_status,
    resolution: staff ? row.resolution : null,
    note: staff ? row.note : null,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    row,
    view,
  };
}

/** How `ctx` may read an escalation of a thread asked by `askerId`; null: not at all (as if none). */
function viewOf(ctx: Context, askerId: number): View | null {
  if (isStaffViewer(ctx.viewer)) return 'staff';
  if (ctx.viewer && ctx.viewer.id === askerId) return 'asker';
  if (ctx.guardian.actor?.type === 'service' && ctx.guardian.can('escalation.updateCase', null)) return 'service';
  return null;
}

const EscalationConnection = connectionType(Escalation, 'Escalation');

@InputType()
class EscalationFilter {
  @Field(() => [EscalationStatus], { nullable: true, description: 'Any of these (all when omitted).' })
  status?: Status[] | null;
  @Field(() => EscalationReason, { nullable: true }) reason?: Reason | null;
  @Field(() => Boolean, { nullable: true, description: 'true: open past their SLA; false: the others.' })
  breached?: boolean | null;
}

@InputType()
class EscalateThreadInput {
  @Field(() => ID) threadId!: string;
  @Field(() => String, { nullable: true, description: 'Why staff are needed, in the asker’s words (at most 1,000).' })
  reason?: string | null;
}

@InputType()
class SetEscalationStatusInput {
  @Field(() => ID) id!: string;
  @Field(() => EscalationStatus) status!: Status;
  @Field(() => String, { nullable: true, description: 'Recorded as the resolution.' }) note?: string | null;
}

@InputType()
class UpdateEscalationCaseInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) caseId?: string | null;
  @Field(() => String, { nullable: true }) caseUrl?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'The CRM’s status: new/open → OPEN, in_progress/pending → IN_PROGRESS, waiting → WAITING_ON_CUSTOMER, solved/resolved → RESOLVED, closed → CLOSED (or an EscalationStatus name); another word is stored as caseStatus and leaves the status.',
  })
  status?: string | null;
  @Field(() => String, { nullable: true }) resolution?: string | null;
  @Field(() => Date, {
    nullable: true,
    description: 'The CRM’s time of this version: an older one than stored changes nothing.',
  })
  updatedAt?: Date | null;
}

@InputType()
class PostEscalationResolutionInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: 'The answer; the recorded resolution when omitted.' })
  body?: string | null;
}

async function visibleEscalation(ctx: Context, row: EscalationRow | null): Promise<Escalation | null> {
  if (!row) return null;
  const thread = await visibleThread(ctx.loaders, ctx.viewer, row.thread_id).catch(() => null);
  if (!thread && ctx.guardian.actor?.type !== 'service') return null;
  const view = viewOf(ctx, thread?.authorId ?? -1);
  return view ? toEscalation(row, view) : null;
}

@Resolver(() => Escalation)
export class EscalationResolver {
  @Query(() => EscalationConnection, {
    description:
      'Moderators and administrators (FORBIDDEN otherwise): the escalation queue, advocates’ first, then by priority, then oldest first.',
  })
  async escalations(
    @Arg('filter', () => EscalationFilter, { nullable: true }) filter: EscalationFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    ctx.guardian.ensureCan('escalation.read', null);
    const limit = pageSize(first);
    const cursor = decodeCursor(after, ['int', 'int', 'id']);
    const rows = await listEscalations(
      ctx.em,
      filter ?? {},
      limit + 1,
      cursor ? { advocate: cursor[0] === 1, priority: cursor[1] as number, id: cursor[2] as number } : null,
    );
    return toConnection(
      rows.map((r) => toEscalation(r, 'staff')),
      limit,
      (e) => [e.row.advocate ? 1 : 0, e.row.priority, e.row.id],
    );
  }

  @Query(() => Escalation, {
    nullable: true,
    description: 'An escalation: in full for staff, its status for its asker; null for anyone else.',
  })
  async escalation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Escalation | null> {
    return visibleEscalation(ctx, await escalationById(ctx.em, parseId(id)));
  }

  @FieldResolver(() => Thread, { nullable: true })
  thread(@Root() e: Escalation, @Ctx() ctx: Context) {
    return visibleThread(ctx.loaders, ctx.viewer, e.row.thread_id).catch(() => null);
  }

  @FieldResolver(() => Customer, {
    nullable: true,
    description:
      'The asker’s customer when it was escalated: staff with the customer permission only (null for anyone else).',
  })
  async customer(@Root() e: Escalation, @Ctx() ctx: Context): Promise<Customer | null> {
    if (e.view !== 'staff' || e.row.customer_id === null) return null;
    if (!ctx.guardian.can('customer.read', await ctx.loaders.customerAccess())) return null;
    const row = await ctx.loaders.customerById.load(e.row.customer_id);
    return row ? toCustomer(row) : null;
  }

  @FieldResolver(() => Member, { nullable: true, description: 'Staff only: who asked for staff (null: the system).' })
  requestedBy(@Root() e: Escalation, @Ctx() ctx: Context) {
    if (e.view !== 'staff' || e.row.requested_by === null) return null;
    return ctx.loaders.memberById.load(e.row.requested_by);
  }

  @FieldResolver(() => Post, {
    nullable: true,
    description: 'The staff answer its resolution was posted as (one the asker can accept).',
  })
  async resolutionPost(@Root() e: Escalation, @Ctx() ctx: Context): Promise<Post | null> {
    if (e.row.resolution_post_id === null || e.view === 'service') return null;
    const found = await visiblePost(ctx.loaders, ctx.viewer, e.row.resolution_post_id).catch(() => null);
    return found && isListedPost(ctx.viewer, found.post) ? found.post : null;
  }

  @FieldResolver(() => [SearchHit], {
    description:
      'Staff only (empty otherwise): published articles and solved threads most like the question, to start from a known answer.',
  })
  async similar(
    @Root() e: Escalation,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 5, description: '1–10.' }) first = 5,
  ) {
    if (!Number.isInteger(first) || first < 1 || first > 10) {
      throw new ValidationError({ first: 'first must be between 1 and 10.' });
    }
    if (e.view !== 'staff') return [];
    const thread = await ctx.loaders.threadById.load(e.row.thread_id);
    if (!thread) return [];
    const question = thread.questionPostId ? await ctx.loaders.postById.load(thread.questionPostId) : null;
    const hits = await similarQuestions(
      { em: ctx.em, services: ctx.services, viewer: ctx.viewer as Viewer },
      { title: thread.title, body: question?.body ?? null, first: first + 1 },
    );
    return hits
      .filter((h) => !(h.kind === 'THREAD' && h.id === thread.id))
      .slice(0, first)
      .map((hit) => ({ ...hit, url: hitUrl(hit) }));
  }

  @Mutation(() => Escalation, {
    description:
      '"Needs staff": the asker, an advocate or staff escalate a thread they may read (NOT_FOUND otherwise; FORBIDDEN for anyone else). An open escalation is returned, not duplicated.',
  })
  async escalateThread(
    @Arg('input', () => EscalateThreadInput) input: EscalateThreadInput,
    @Ctx() ctx: Context,
  ): Promise<Escalation> {
    const { escalation } = await escalateThread(ctx, {
      threadId: parseId(input.threadId, 'threadId'),
      note: input.reason ?? null,
    });
    return toEscalation(escalation, isStaffViewer(ctx.viewer) ? 'staff' : 'asker');
  }

  @Mutation(() => Escalation, { description: 'Staff: move an escalation along.' })
  async setEscalationStatus(
    @Arg('input', () => SetEscalationStatusInput) input: SetEscalationStatusInput,
    @Ctx() ctx: Context,
  ): Promise<Escalation> {
    const row = await setEscalationStatus(ctx, {
      id: parseId(input.id),
      status: input.status,
      note: input.note ?? null,
    });
    return toEscalation(row, 'staff');
  }

  @Mutation(() => Escalation, {
    description:
      'Staff, and service tokens with cases:write: record the CRM’s case. An older updatedAt than stored changes nothing.',
  })
  async updateEscalationCase(
    @Arg('input', () => UpdateEscalationCaseInput) input: UpdateEscalationCaseInput,
    @Ctx() ctx: Context,
  ): Promise<Escalation> {
    const raw = input.status?.trim() || null;
    const row = await updateEscalationCase(ctx, {
      id: parseId(input.id),
      caseId: input.caseId ?? null,
      caseUrl: input.caseUrl ?? null,
      status: raw ? caseStatusToStatus(raw) : null,
      caseStatus: raw,
      resolution: input.resolution ?? null,
      updatedAt: input.updatedAt ?? null,
    });
    return toEscalation(row, isStaffViewer(ctx.viewer) ? 'staff' : 'service');
  }

  @Mutation(() => Escalation, {
    description:
      'Staff: post the resolution (or `body`) into the thread as your answer (the asker can accept it); the escalation becomes RESOLVED.',
  })
  async postEscalationResolution(
    @Arg('input', () => PostEscalationResolutionInput) input: PostEscalationResolutionInput,
    @Ctx() ctx: Context,
  ): Promise<Escalation> {
    const row = await postEscalationResolution(ctx, { id: parseId(input.id), body: input.body ?? null });
    return toEscalation(row, 'staff');
  }
}

@Resolver(() => Thread)
export class ThreadEscalationResolver {
  @FieldResolver(() => Escalation, {
    nullable: true,
    description:
      'Its latest escalation (the open one if any): staff in full, its asker the status and case status; null for everyone else.',
  })
  async escalation(@Root() thread: Thread, @Ctx() ctx: Context): Promise<Escalation | null> {
    const view = viewOf(ctx, thread.authorId);
    if (view !== 'staff' && view !== 'asker') return null;
    const row = await ctx.loaders.escalationByThread.load(thread.id);
    return row ? toEscalation(row, view) : null;
  }
}

@Resolver(() => Category)
export class CategoryAnswerTargetResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Administrators only (null for anyone else): minutes a question may wait unanswered before it is escalated; null is never.',
  })
  answerTargetMinutes(@Root() category: Category, @Ctx() ctx: Context): number | null {
    return ctx.viewer?.role === 'ADMIN' ? category.answerTargetMinutes : null;
  }
}
