import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { assertValid, ConflictError, NotFoundError, type FieldErrors } from '../../../platform/errors.js';
import { transact } from '../../../platform/db/transact.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import type { Scope } from '../../../platform/scope.js';
import '../community.events.js';
import { Category, CategoryKind } from '../category.entity.js';

export interface CategoryInput {
  slug?: string | null;
  name?: string | null;
  description?: string | null;
  kind?: CategoryKind | null;
  position?: number | null;
  slowModeSeconds?: number | null;
  /** 0 turns automatic escalation off (stored null). */
  answerTargetMinutes?: number | null;
}

/** A year: the longest answer target time. */
export const MAX_ANSWER_TARGET_MINUTES = 525_600;

/** A day: longer than that, a category is better closed than slowed. */
export const MAX_SLOW_MODE_SECONDS = 86_400;

function validate(input: CategoryInput, errors: FieldErrors) {
  if (input.slug != null && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(input.slug))
    errors.slug = 'Slug must be lower-case words joined by -.';
  if (input.slug != null && input.slug.length > 60) errors.slug = 'Slug must be at most 60 characters.';
  if (input.name != null && (input.name.trim().length < 2 || input.name.trim().length > 60)) {
    errors.name = 'Name must be 2–60 characters.';
  }
  if (input.description != null && input.description.length > 500) {
    errors.description = 'Description must be at most 500 characters.';
  }
  if (
    input.slowModeSeconds != null &&
    (!Number.isInteger(input.slowModeSeconds) ||
      input.slowModeSeconds < 0 ||
      input.slowModeSeconds > MAX_SLOW_MODE_SECONDS)
  ) {
    errors.slowModeSeconds = `Slow mode must be 0 (off) to ${MAX_SLOW_MODE_SECONDS} seconds (a day).`;
  }
  if (
    input.answerTargetMinutes != null &&
    (!Number.isInteger(input.answerTargetMinutes) ||
      input.answerTargetMinutes < 0 ||
      input.answerTargetMinutes > MAX_ANSWER_TARGET_MINUTES)
  ) {
    errors.answerTargetMinutes = `The answer target must be 0 (off) to ${MAX_ANSWER_TARGET_MINUTES} minutes (a year).`;
  }
}

const snapshot = (c: Category) => ({
  slug: c.slug,
  name: c.name,
  description: c.description,
  kind: c.kind,
  position: c.position,
  slowModeSeconds: c.slowModeSeconds,
  answerTargetMinutes: c.answerTargetMinutes,
});

/** Flushes `category` with its event (`before` is null for a new one) in one transaction. */
async function save(scope: Scope, category: Category, before: ReturnType<typeof snapshot> | null) {
  const actor = scope.guardian.requireActor();
  try {
    await transact(scope.em, async (tx) => {
      tx.persist(category);
      await tx.flush();
      await recordEvent(
        tx,
        actor,
        before === null
          ? {
              name: 'category.created',
              subject: ref('category', category.id),
              data: { categoryId: category.id, slug: category.slug, name: category.name, kind: category.kind },
            }
          : {
              name: 'category.changed',
              subject: ref('category', category.id),
              data: { categoryId: category.id, before, after: snapshot(category) },
            },
      );
    });
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException) {
      scope.em.clear();
      throw new ConflictError(`A category with the slug "${category.slug}" already exists.`);
    }
    throw err;
  }
  return category;
}

/** Admins add categories. */
export async function createCategory(scope: Scope, input: CategoryInput): Promise<Category> {
  scope.guardian.ensureCan('category.manage', null);
  const errors: FieldErrors = {};
  if (!input.slug) errors.slug = 'Slug is required.';
  if (!input.name) errors.name = 'Name is required.';
  validate(input, errors);
  assertValid(errors);
  const category = scope.em.create(Category, {
    slug: input.slug!,
    name: input.name!.trim(),
    description: input.description?.trim() ?? '',
    kind: input.kind ?? CategoryKind.QA,
    position: input.position ?? 0,
    slowModeSeconds: input.slowModeSeconds ?? 0,
    answerTargetMinutes: input.answerTargetMinutes || null,
  });
  return save(scope, category, null);
}

/** Admins rename, re-describe, re-kind, re-order or slow down a category; omitted fields stay. */
export async function updateCategory(scope: Scope, id: number, input: CategoryInput): Promise<Category> {
  scope.guardian.ensureCan('category.manage', null);
  const errors: FieldErrors = {};
  validate(input, errors);
  assertValid(errors);
  const category = await scope.em.findOne(Category, id);
  if (!category) throw new NotFoundError('Category');
  const before = snapshot(category);
  if (input.slug != null) category.slug = input.slug;
  if (input.name != null) category.name = input.name.trim();
  if (input.description != null) category.description = input.description.trim();
  if (input.kind != null) category.kind = input.kind;
  if (input.position != null) category.position = input.position;
  if (input.slowModeSeconds != null) category.slowModeSeconds = input.slowModeSeconds;
  if (input.answerTargetMinutes != null) category.answerTargetMinutes = input.answerTargetMinutes || null;
  return save(scope, category, before);
}
