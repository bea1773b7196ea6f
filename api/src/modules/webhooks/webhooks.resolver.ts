import {
  Arg,
  Ctx,
  Field,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
} from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { connectionType, decodeCursor, pageSize, parseId, toConnection } from '../../graphql/pagination.js';
import { ValidationError } from '../../platform/errors.js';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  rotateWebhookSecret,
  setWebhookEndpointEnabled,
  updateWebhookEndpoint,
} from './commands/manage-endpoints.js';
import { replayWebhookDelivery, replayWebhookEndpoint } from './commands/replay-deliveries.js';
import { WEBHOOK_EVENT_KINDS } from './webhook-events.js';
import { deliveryPage, endpointRow, endpointRows, type DeliveryRow, type EndpointRow } from './webhooks.queries.js';

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  SENDING = 'SENDING',
  RETRYING = 'RETRYING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
  DEAD = 'DEAD',
}
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description:
    'PENDING: waiting for its first attempt (or for an earlier delivery of the same subject); SENDING: being sent; ' +
    'RETRYING: failed, the next attempt is scheduled; DELIVERED: answered 2xx; FAILED: not sent on (the endpoint ' +
    'answered 410 or is disabled); DEAD: every attempt failed. FAILED and DEAD can be replayed.',
});

@ObjectType({ description: 'A kind of event endpoints can subscribe to.', simpleResolvers: true })
class WebhookEventKind {
  @Field(() => String, { description: 'The `type` of the payload, e.g. "thread.created".' }) type!: string;
  @Field(() => String) label!: string;
  @Field(() => String) description!: string;
}

@ObjectType({
  description: 'Admins: an endpoint webhooks are sent to (its secret is never shown again).',
  simpleResolvers: true,
})
class WebhookEndpoint {
  @Field(() => ID) id!: string;
  @Field(() => String) url!: string;
  @Field(() => String) description!: string;
  @Field(() => [String], { description: 'The event kinds it receives (see webhookEventKinds).' }) events!: string[];
  @Field(() => Boolean) enabled!: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'Why it was disabled (by an admin, a 410, or days of failures).',
  })
  disabledReason!: string | null;
  @Field(() => Date, { nullable: true, description: 'Failing since then without a success; disabled after 5 days.' })
  failingSince!: Date | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
}

const toEndpoint = (r: EndpointRow): WebhookEndpoint => ({
  id: String(r.id),
  url: r.url,
  description: r.description,
  events: r.events,
  enabled: r.enabled,
  disabledReason: r.disabled_reason,
  failingSince: r.failing_since ? new Date(r.failing_since) : null,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

@ObjectType({ description: 'One event sent to one endpoint, with its last attempt.', simpleResolvers: true })
class WebhookDelivery {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'The `webhook-id` header: the same on every attempt and replay.' })
  webhookId!: string;
  @Field(() => ID) endpointId!: string;
  @Field(() => String) eventType!: string;
  @Field(() => String, { description: 'What it is about ("thread:12"): deliveries of one subject arrive in order.' })
  subject!: string;
  @Field(() => String, { description: 'The JSON body sent: `{ type, timestamp, data }`.' }) payload!: string;
  @Field(() => WebhookDeliveryStatus) status!: WebhookDeliveryStatus;
  @Field(() => Int) attempts!: number;
  @Field(() => Int, { nullable: true, description: 'The HTTP status of the last attempt.' })
  responseStatus!: number | null;
  @Field(() => Int, { nullable: true, description: 'How long the last attempt took, in milliseconds.' })
  responseTimeMs!: number | null;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => Date, { nullable: true }) nextAttemptAt!: Date | null;
  @Field(() => Date, { nullable: true }) lastAttemptAt!: Date | null;
  @Field(() => Date, { nullable: true }) deliveredAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
}

const date = (v: Date | null) => (v ? new Date(v) : null);
const toDelivery = (r: DeliveryRow): WebhookDelivery => ({
  id: r.id,
  webhookId: r.webhook_id,
  endpointId: String(r.endpoint_id),
  eventType: r.event_type,
  subject: r.subject,
  payload: r.body,
  status: r.status as WebhookDeliveryStatus,
  attempts: r.attempts,
  responseStatus: r.response_status,
  responseTimeMs: r.response_ms,
  error: r.error,
  nextAttemptAt: date(r.next_attempt_at),
  lastAttemptAt: date(r.last_attempt_at),
  deliveredAt: date(r.delivered_at),
  createdAt: new Date(r.created_at),
});

const WebhookDeliveryConnection = connectionType(WebhookDelivery, 'WebhookDelivery');

@InputType()
class CreateWebhookEndpointInput {
  @Field(() => String, { description: 'https, to a public address (unless WEBHOOK_ALLOW_PRIVATE_URLS).' }) url!: string;
  @Field(() => [String], { description: 'One or more types from webhookEventKinds.' }) events!: string[];
  @Field(() => String, { nullable: true, description: 'Up to 500 characters.' }) description!: string | null;
}

@InputType({ description: 'What to change; fields left out stay as they are.' })
class UpdateWebhookEndpointInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) url!: string | null;
  @Field(() => [String], { nullable: true }) events!: string[] | null;
  @Field(() => String, { nullable: true }) description!: string | null;
}

@InputType()
class ReplayWebhookEndpointInput {
  @Field(() => ID) endpointId!: string;
  @Field(() => Date, { description: 'Every dead delivery created at or after this time is sent again.' }) since!: Date;
}

@ObjectType({ simpleResolvers: true })
class WebhookEndpointWithSecret {
  @Field(() => WebhookEndpoint) endpoint!: WebhookEndpoint;
  @Field(() => String, { description: 'The signing secret (`whsec_…`), shown this once: store it now.' })
  secret!: string;
}

@ObjectType({ simpleResolvers: true })
class ReplayWebhookEndpointPayload {
  @Field(() => Int, { description: 'How many dead deliveries were queued again.' }) replayed!: number;
}

@Resolver()
export class WebhooksResolver {
  @Query(() => [WebhookEventKind], { description: 'Admins: the event kinds endpoints can subscribe to.' })
  webhookEventKinds(@Ctx() ctx: Context): WebhookEventKind[] {
    ctx.guardian.ensureCan('webhook.read', null);
    return WEBHOOK_EVENT_KINDS.map(({ type, label, description }) => ({ type, label, description }));
  }

  @Query(() => [WebhookEndpoint], { description: 'Admins: every webhook endpoint, oldest first.' })
  async webhookEndpoints(@Ctx() ctx: Context): Promise<WebhookEndpoint[]> {
    ctx.guardian.ensureCan('webhook.read', null);
    return (await endpointRows(ctx.em)).map(toEndpoint);
  }

  @Query(() => WebhookEndpoint, { description: 'Admins: one webhook endpoint.' })
  async webhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<WebhookEndpoint> {
    ctx.guardian.ensureCan('webhook.read', null);
    return toEndpoint(await endpointRow(ctx.em, parseId(id)));
  }

  @Query(() => WebhookDeliveryConnection, { description: "Admins: an endpoint's delivery log, newest first." })
  async webhookDeliveries(
    @Arg('endpointId', () => ID) endpointId: string,
    @Arg('status', () => WebhookDeliveryStatus, { nullable: true }) status: WebhookDeliveryStatus | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    ctx.guardian.ensureCan('webhook.read', null);
    const limit = pageSize(first);
    const id = parseId(endpointId, 'endpointId');
    await endpointRow(ctx.em, id);
    const cursor = decodeCursor(after, ['bigid']);
    const rows = await deliveryPage(ctx.em, id, status ?? null, (cursor?.[0] as string) ?? null, limit + 1);
    return toConnection(rows.map(toDelivery), limit, (d) => [d.id]);
  }

  @Mutation(() => WebhookEndpointWithSecret, {
    description: 'Admins: registers an endpoint; the signing secret is returned this once.',
  })
  async createWebhookEndpoint(
    @Arg('input', () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput,
    @Ctx() ctx: Context,
  ): Promise<WebhookEndpointWithSecret> {
    const { endpoint, secret } = await createWebhookEndpoint(ctx, input);
    return { endpoint: toEndpoint(endpoint), secret };
  }

  @Mutation(() => WebhookEndpoint, { description: "Admins: changes an endpoint's URL, event kinds or description." })
  async updateWebhookEndpoint(
    @Arg('input', () => UpdateWebhookEndpointInput) input: UpdateWebhookEndpointInput,
    @Ctx() ctx: Context,
  ): Promise<WebhookEndpoint> {
    const row = await updateWebhookEndpoint(ctx, parseId(input.id), {
      url: input.url ?? undefined,
      events: input.events ?? undefined,
      description: input.description ?? undefined,
    });
    return toEndpoint(row);
  }

  @Mutation(() => WebhookEndpoint, { description: 'Admins: sends to the endpoint again (clears its failure streak).' })
  async enableWebhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<WebhookEndpoint> {
    return toEndpoint(await setWebhookEndpointEnabled(ctx, parseId(id), true));
  }

  @Mutation(() => WebhookEndpoint, { description: 'Admins: stops sending to the endpoint.' })
  async disableWebhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<WebhookEndpoint> {
    return toEndpoint(await setWebhookEndpointEnabled(ctx, parseId(id), false));
  }

  @Mutation(() => ID, { description: 'Admins: deletes an endpoint and its delivery log; returns its id.' })
  async deleteWebhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<string> {
    await deleteWebhookEndpoint(ctx, parseId(id));
    return id;
  }

  @Mutation(() => WebhookEndpointWithSecret, {
    description: "Admins: replaces an endpoint's signing secret; the new one is returned this once.",
  })
  async rotateWebhookSecret(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<WebhookEndpointWithSecret> {
    const { endpoint, secret } = await rotateWebhookSecret(ctx, parseId(id));
    return { endpoint: toEndpoint(endpoint), secret };
  }

  @Mutation(() => WebhookDelivery, {
    description: 'Admins: sends a dead or failed delivery again, with the same webhook-id.',
  })
  async replayWebhookDelivery(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<WebhookDelivery> {
    if (!/^[1-9]\d{0,18}$/.test(id)) throw new ValidationError({ id: 'id is not a valid id.' });
    return toDelivery(await replayWebhookDelivery(ctx, id));
  }

  @Mutation(() => ReplayWebhookEndpointPayload, {
    description: 'Admins: sends every dead delivery of an endpoint since a time again, oldest first.',
  })
  async replayWebhookEndpoint(
    @Arg('input', () => ReplayWebhookEndpointInput) input: ReplayWebhookEndpointInput,
    @Ctx() ctx: Context,
  ): Promise<ReplayWebhookEndpointPayload> {
    const replayed = await replayWebhookEndpoint(ctx, parseId(input.endpointId, 'endpointId'), input.since);
    return { replayed };
  }
}
