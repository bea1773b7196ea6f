import type { ModuleDefinition } from '../../platform/module.js';
import { ComposerResolver } from './composer.resolver.js';

/** What the web composer asks while a member writes: a preview rendered as posts are, and tag and handle suggestions. */
export const composerModule: ModuleDefinition = {
  name: 'composer',
  resolvers: [ComposerResolver],
};
