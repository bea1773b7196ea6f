import { raw } from '@mikro-orm/postgresql';
import { Arg, Ctx, Field, FieldResolver, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { actAs as contextActAs, type Context } from '../../graphql/context.js';
import { SERVICE_IS_NOT_A_MEMBER } from '../../platform/authz/guardian.js';
import { ForbiddenError, NotFoundError } from '../../platform/errors.js';
import type { ActiveSanction } from '../sanctions/active-sanctions.js';
import { logIn } from './commands/log-in.js';
import { registerMember } from './commands/register-member.js';
import { Member } from './member.entity.js';
import { deleteSession } from './sessions.js';
import { viewerOf } from './viewer.js';

@InputType()
class RegisterInput {
  @Field(() => String, { description: '3–20 characters: letters, digits, _ or -.' })
  handle!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String, { description: '10–128 characters.' })
  password!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Leave empty. A trap for sign-up bots: forms render it hidden, and any value refuses the sign-up.',
  })
  website?: string | null;
}

@InputType()
class LoginInput {
  @Field(() => String, { description: 'Handle or email.' })
  login!: string;

  @Field(() => String)
  password!: string;
}

@ObjectType({ simpleResolvers: true })
class AuthPayload {
  @Field(() => String, { description: 'Opaque session token: send it as `Authorization: Bearer <token>`.' })
  token!: string;

  @Field(() => Member)
  member!: Member;
}

/** The rest of a login/register response is resolved as the member who just signed in (a new account has no sanctions). */
function actAs(ctx: Context, payload: { token: string; member: Member; sanctions?: ActiveSanction[] }) {
  contextActAs(ctx, viewerOf(payload.member, payload.sanctions ?? []), payload.token);
  return payload;
}

@Resolver(() => Member)
export class MemberResolver {
  @Query(() => Member, { nullable: true, description: 'The signed-in member, or null for a visitor.' })
  async me(@Ctx() ctx: Context): Promise<Member | null> {
    return ctx.viewer ? ctx.loaders.memberById.load(ctx.viewer.id) : null;
  }

  @Query(() => Member, { nullable: true })
  async member(@Arg('handle', () => String) handle: string, @Ctx() ctx: Context): Promise<Member> {
    const member =
      handle.length <= 40 ? await ctx.em.findOne(Member, { [raw('lower(handle)')]: handle.toLowerCase() }) : null;
    if (!member) throw new NotFoundError('Member');
    return member;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Visible to the member and to staff only.' })
  email(@Root() member: Member, @Ctx() ctx: Context): string {
    ctx.guardian.ensureCan('member.readEmail', member);
    return member.email;
  }

  @Mutation(() => AuthPayload, { description: 'Creates an account and logs it in.' })
  async register(@Arg('input', () => RegisterInput) input: RegisterInput, @Ctx() ctx: Context) {
    refuseService(ctx);
    return actAs(ctx, await registerMember(ctx, input));
  }

  @Mutation(() => AuthPayload)
  async login(@Arg('input', () => LoginInput) input: LoginInput, @Ctx() ctx: Context) {
    refuseService(ctx);
    return actAs(ctx, await logIn(ctx, input));
  }

  @Mutation(() => Boolean, { description: 'Ends the current session; true when one was ended.' })
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    if (!ctx.token || !ctx.viewer) return false;
    await deleteSession(ctx.em, ctx.token);
    return true;
  }
}

/** An integration's token never becomes a member's session (signing up or in). */
function refuseService(ctx: Context): void {
  if (ctx.guardian.actor?.type === 'service') throw new ForbiddenError(SERVICE_IS_NOT_A_MEMBER);
}
