import { Arg, Ctx, Field, Float, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { updateSettings } from './commands/update-settings.js';
import { settingsCatalog, type SettingsGroupView, type SettingView } from './settings-catalog.js';

@ObjectType({ description: 'A setting admins may change at run time, with its default and startup value.' })
class Setting implements SettingView {
  @Field(() => String, { description: 'Group and path, e.g. "moderation.hideThreshold".' }) key!: string;
  @Field(() => String) label!: string;
  @Field(() => String) help!: string;
  @Field(() => Float, { description: 'In force now.' }) value!: number;
  @Field(() => Float, { description: "The code's default." }) defaultValue!: number;
  @Field(() => Float, {
    description: 'The default as the environment set it at startup; an unchanged setting follows it.',
  })
  startupValue!: number;
  @Field(() => Boolean, { description: 'An admin changed it (it no longer follows the startup value).' })
  changed!: boolean;
  @Field(() => Boolean, { description: 'Whole numbers only.' }) integer!: boolean;
  @Field(() => Float, { nullable: true }) min!: number | null;
  @Field(() => Float, { nullable: true }) max!: number | null;
}

@ObjectType()
class SettingsGroup implements SettingsGroupView {
  @Field(() => String) key!: string;
  @Field(() => String) label!: string;
  @Field(() => String) description!: string;
  @Field(() => String, { description: 'Its JSON sets the startup values (see docs/operations.md).' })
  environmentVariable!: string;
  @Field(() => [Setting]) fields!: Setting[];
}

@ObjectType()
class SiteSettings {
  @Field(() => Int, { description: 'The stored state these values come from; it rises with every change.' })
  revision!: number;
  @Field(() => [SettingsGroup]) groups!: SettingsGroup[];
}

@InputType()
class SettingChangeInput {
  @Field(() => String) key!: string;
  @Field(() => Float, { nullable: true, description: 'Null: back to the startup value.' }) value!: number | null;
}

@InputType()
class UpdateSettingsInput {
  @Field(() => [SettingChangeInput], { description: '1–100 changes, applied all together or not at all.' })
  changes!: SettingChangeInput[];
  @Field(() => String, { nullable: true, description: 'Up to 500 characters, for the audit log.' })
  reason!: string | null;
}

@Resolver()
export class SettingsResolver {
  @Query(() => SiteSettings, { description: 'Admins: the runtime settings, as this request sees them.' })
  siteSettings(@Ctx() ctx: Context): SiteSettings {
    ctx.guardian.ensureCan('settings.read', null);
    return view(ctx, ctx.settings);
  }

  @Mutation(() => SiteSettings, {
    description: 'Admins: change settings; every API instance applies them to requests that start afterwards.',
  })
  async updateSettings(
    @Arg('input', () => UpdateSettingsInput) input: UpdateSettingsInput,
    @Ctx() ctx: Context,
  ): Promise<SiteSettings> {
    await updateSettings(ctx, { changes: input.changes, reason: input.reason });
    return view(ctx, ctx.services.settings.current());
  }
}

function view(ctx: Context, settings: Context['settings']): SiteSettings {
  const store = ctx.services.settings;
  return {
    revision: settings.revision,
    groups: settingsCatalog(
      settings,
      (g) => store.startupValue(g),
      (g) => store.overridesOf(g),
    ),
  };
}
