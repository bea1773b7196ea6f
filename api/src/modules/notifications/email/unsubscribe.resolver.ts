import { Arg, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../../graphql/context.js';
import { describeUnsubscribe, unsubscribeFromEmails } from './unsubscribe.js';

@ObjectType({ description: 'What a signed unsubscribe link stops.', simpleResolvers: true })
class EmailUnsubscribe {
  @Field(() => String, { description: 'Handle of the member the link was sent to.' })
  handle!: string;

  @Field(() => Boolean, { description: 'The link came with a daily digest: it stops every kind the digest carries.' })
  digest!: boolean;

  @Field(() => [String], { description: 'Notification kinds whose emails stop.' })
  kinds!: string[];

  @Field(() => [String], { description: 'The same kinds, in words.' })
  labels!: string[];
}

@Resolver()
export class UnsubscribeResolver {
  @Query(() => EmailUnsubscribe, {
    description: 'What the unsubscribe link with this signed token would stop (no login needed; changes nothing).',
  })
  async emailUnsubscribeLink(@Arg('token', () => String) token: string, @Ctx() ctx: Context) {
    return describeUnsubscribe(ctx, token);
  }

  @Mutation(() => EmailUnsubscribe, {
    description:
      'Follows a signed unsubscribe link from an email (no login needed): its kind of email is set to NEVER, ' +
      'or for a digest link every kind in the digest. An invalid token is BAD_USER_INPUT.',
  })
  async unsubscribeFromEmails(@Arg('token', () => String) token: string, @Ctx() ctx: Context) {
    return unsubscribeFromEmails(ctx, token);
  }
}
