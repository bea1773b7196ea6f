import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { parseId } from '../../graphql/pagination.js';
import { NotFoundError } from '../../platform/errors.js';
import { Member } from '../accounts/member.entity.js';
import { generatedAvatarUrl, uploadedAvatarUrl } from './avatar-urls.js';
import { removeAvatar } from './commands/remove-avatar.js';

@ObjectType({ simpleResolvers: true })
class RemoveAvatarPayload {
  @Field(() => Member, { description: 'The member, with the generated avatar again.' })
  member!: Member;
}

@Resolver(() => Member)
export class AvatarResolver {
  @FieldResolver(() => String, {
    description:
      'The avatar image, a path on the public origin (the web app passes /avatars/… to the API). ' +
      'Uploaded avatars are served at 64 and 256 px (the smallest at least `size`); otherwise an SVG ' +
      'generated from the handle. Upload with `POST /avatars` (the image as the body, bearer token).',
  })
  async avatarUrl(
    @Root() member: Member,
    @Ctx() ctx: Context,
    @Arg('size', () => Int, { defaultValue: 256 }) size: number,
  ): Promise<string> {
    const hash = await ctx.loaders.avatarHashByMemberId.load(member.id);
    return hash ? uploadedAvatarUrl(member.id, hash, size) : generatedAvatarUrl(member.handle);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the member uploaded their avatar (else it is generated).' })
  async hasUploadedAvatar(@Root() member: Member, @Ctx() ctx: Context): Promise<boolean> {
    return (await ctx.loaders.avatarHashByMemberId.load(member.id)) !== null;
  }

  @Mutation(() => RemoveAvatarPayload, {
    description: "Removes an uploaded avatar (the viewer's own; staff: anyone's); the generated one shows again.",
  })
  async removeAvatar(
    @Ctx() ctx: Context,
    @Arg('memberId', () => ID, { nullable: true, description: 'Default: the viewer.' }) memberId?: string | null,
  ): Promise<RemoveAvatarPayload> {
    const id = memberId == null ? ctx.guardian.requireViewer().id : parseId(memberId, 'memberId');
    await removeAvatar(ctx, id);
    ctx.loaders.avatarHashByMemberId.clear(id).prime(id, null);
    const member = await ctx.loaders.memberById.load(id);
    if (!member) throw new NotFoundError('Member');
    return { member };
  }
}
