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
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { pageSize, parseId } from '../../graphql/pagination.js';
import { Member } from '../accounts/member.entity.js';
import { DomainEventConnection, toType } from '../audit/event-log.resolver.js';
import {
  createServiceToken,
  revokeServiceToken,
  rotateServiceToken,
  type IssuedServiceToken,
} from './commands/manage-service-tokens.js';
import { eventFeed } from './event-feed.queries.js';
import { listServiceTokens, type ServiceTokenRow } from './service-tokens.queries.js';

@ObjectType({
  description:
    'A token an integration uses to call this API as a service (never a member); its secret is never shown again.',
  simpleResolvers: true,
})
class ServiceToken {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => [String], { description: 'What it may do: customers:write, customers:read, events:read, cases:write.' })
  scopes!: string[];
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When its secret was last replaced.' }) rotatedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Its last use, to the minute.' }) lastUsedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Set once revoked: it no longer works.' }) revokedAt!: Date | null;
  createdById!: number;
}

const toToken = (row: ServiceTokenRow): ServiceToken => ({ ...row, id: String(row.id) });

@ObjectType({
  description: 'A token just created or rotated, with its secret: shown this once.',
  simpleResolvers: true,
})
class ServiceTokenPayload {
  @Field(() => String, {
    description: 'The secret, to send as "Authorization: Bearer <token>". Only its hash is kept: copy it now.',
  })
  token!: string;
  @Field(() => ServiceToken) serviceToken!: ServiceToken;
}

const toPayload = (issued: IssuedServiceToken): ServiceTokenPayload => ({
  token: issued.secret,
  serviceToken: toToken(issued.token),
});

@InputType()
class CreateServiceTokenInput {
  @Field(() => String, { description: 'The integration it is for, e.g. "Salesforce sync".' }) name!: string;
  @Field(() => [String], { description: 'customers:write, customers:read, events:read, cases:write.' })
  scopes!: string[];
}

@Resolver(() => ServiceToken)
export class ServiceTokenResolver {
  @Query(() => [ServiceToken], { description: 'The service tokens, working ones first (administrators).' })
  async serviceTokens(@Ctx() ctx: Context) {
    ctx.guardian.ensureCan('serviceToken.read', null);
    return (await listServiceTokens(ctx.em)).map(toToken);
  }

  @Mutation(() => ServiceTokenPayload, { description: 'Creates a token for an integration (administrators).' })
  async createServiceToken(
    @Arg('input', () => CreateServiceTokenInput) input: CreateServiceTokenInput,
    @Ctx() ctx: Context,
  ) {
    return toPayload(await createServiceToken(ctx, input));
  }

  @Mutation(() => ServiceTokenPayload, {
    description: 'Replaces a token’s secret: the old one stops working at once (administrators).',
  })
  async rotateServiceToken(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return toPayload(await rotateServiceToken(ctx, parseId(id)));
  }

  @Mutation(() => ServiceToken, { description: 'Revokes a token for good (administrators).' })
  async revokeServiceToken(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return toToken(await revokeServiceToken(ctx, parseId(id)));
  }

  @FieldResolver(() => Member, { nullable: true, description: 'The administrator who created it.' })
  createdBy(@Root() token: ServiceToken, @Ctx() ctx: Context) {
    return ctx.loaders.memberById.load(token.createdById);
  }

  @Query(() => DomainEventConnection, {
    description:
      'The domain event log, oldest first, from `after` on: what an integration follows (service tokens with ' +
      'events:read, and administrators). Keep the last endCursor and ask again for what happened since.',
  })
  async domainEvents(
    @Ctx() ctx: Context,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('names', () => [String], { nullable: true, description: 'Only these events, e.g. ["thread.created"].' })
    names?: string[] | null,
  ) {
    ctx.guardian.ensureCan('event.feed', null);
    const page = await eventFeed(ctx.em, { first: pageSize(first), after, names });
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toType(e.node) })) };
  }
}
