import type { ModuleDefinition } from '../../platform/module.js';
import { mountAvatarRoutes } from './avatar.http.js';
import { avatarLoaders } from './avatar.loaders.js';
import { avatarRules } from './avatar.policy.js';
import { AvatarResolver } from './avatar.resolver.js';

/** Member avatars: generated from the handle, or uploaded, resized and stored (UPLOADS_DIR). */
export const avatarsModule: ModuleDefinition = {
  name: 'avatars',
  resolvers: [AvatarResolver],
  rules: avatarRules,
  loaders: avatarLoaders,
  http: mountAvatarRoutes,
};
