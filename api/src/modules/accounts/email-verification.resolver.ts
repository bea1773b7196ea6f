import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { resendVerificationEmail } from './commands/resend-verification-email.js';
import { verifyEmail } from './commands/verify-email.js';
import { Member } from './member.entity.js';

@Resolver(() => Member)
export class EmailVerificationResolver {
  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'Whether the member confirmed their email address. Visible to the member and to staff only.',
  })
  emailVerified(@Root() member: Member, @Ctx() ctx: Context): boolean {
    ctx.guardian.ensureCan('member.readEmail', member);
    return member.emailVerifiedAt !== null;
  }

  @Mutation(() => Boolean, {
    description:
      'Confirms an email address with the signed token from the verification email (no login needed). ' +
      'True once verified, also when it already was; an invalid or expired token is BAD_USER_INPUT.',
  })
  async verifyEmail(@Arg('token', () => String) token: string, @Ctx() ctx: Context): Promise<boolean> {
    return verifyEmail(ctx, token);
  }

  @Mutation(() => Boolean, {
    description:
      'Sends the signed-in member another verification email (at most 3 an hour). False when the address is verified already.',
  })
  async resendVerificationEmail(@Ctx() ctx: Context): Promise<boolean> {
    return resendVerificationEmail(ctx);
  }
}
