import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { preferencesOf, setPreferences } from './preferences.js';
import { NotificationPreference, SetNotificationPreferencesInput } from './notification.types.js';

@Resolver(() => NotificationPreference)
export class NotificationPreferencesResolver {
  @Query(() => [NotificationPreference], { description: 'Every kind with how it reaches the viewer by email.' })
  notificationPreferences(@Ctx() ctx: Context) {
    return preferencesOf(ctx.em, ctx.guardian.requireViewer());
  }

  @Mutation(() => [NotificationPreference], { description: 'Sets email modes per kind; returns every kind.' })
  async setNotificationPreferences(
    @Arg('input', () => SetNotificationPreferencesInput) input: SetNotificationPreferencesInput,
    @Ctx() ctx: Context,
  ) {
    const viewer = ctx.guardian.requireViewer();
    await setPreferences(ctx.em, viewer.id, input.preferences);
    return preferencesOf(ctx.em, viewer);
  }
}
