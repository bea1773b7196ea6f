import express, { type ErrorRequestHandler, type Express, type Response } from 'express';
import { buildContext } from '../../graphql/context.js';
import { DomainError } from '../../platform/errors.js';
import type { Services } from '../../platform/scope.js';
import { MAX_AVATAR_BYTES } from './avatar-image.js';
import { uploadsStorage } from './avatar-storage.js';
import { AVATAR_PATH, avatarKey, parseAvatarFile, uploadedAvatarUrl } from './avatar-urls.js';
import { generatedAvatarSvg } from './generated-avatar.js';
import { setAvatar } from './commands/set-avatar.js';

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

/** A domain error as GraphQL clients know them: `{ errors: [{ message, extensions: { code, … } }] }`. */
function sendError(res: Response, err: DomainError, status = STATUS[err.code] ?? 400): void {
  if (err.code === 'RATE_LIMITED') res.set('retry-after', String(err.details.retryAfterSeconds ?? 60));
  res.status(status).json({ errors: [{ message: err.message, extensions: { code: err.code, ...err.details } }] });
}

// Uploads and avatars change only with their hash: browsers and proxies keep them a year.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const GENERATED_FILE = /^([A-Za-z0-9_-]{1,40})\.svg$/;

/**
 * Avatars over plain HTTP beside /graphql: `POST /avatars` takes the image as the raw request
 * body (at most 2 MB; the type is read from its bytes) for the bearer token's member and answers
 * `{ avatarUrl, hash }`; `GET /avatars/u/<member>-<hash>-<size>.webp` serves an upload and
 * `GET /avatars/g/<handle>.svg` a generated one. Errors use the GraphQL error shape and codes.
 */
export function mountAvatarRoutes(app: Express, services: Services): void {
  const storage = uploadsStorage(services.config);

  app.post(AVATAR_PATH, express.raw({ type: () => true, limit: MAX_AVATAR_BYTES }), async (req, res, next) => {
    try {
      const ctx = await buildContext(services, req);
      const viewer = ctx.guardian.requireViewer();
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const { hash } = await setAvatar(ctx, { memberId: viewer.id, image: body });
      res.json({ avatarUrl: uploadedAvatarUrl(viewer.id, hash, 256), hash });
    } catch (err) {
      if (err instanceof DomainError) sendError(res, err);
      else next(err);
    }
  });
  const tooLarge: ErrorRequestHandler = (err, _req, res, next) => {
    if ((err as { type?: string }).type !== 'entity.too.large') return next(err);
    sendError(
      res,
      new DomainError('BAD_USER_INPUT', 'The image is larger than 2 MB.', {
        fields: { image: 'The image is larger than 2 MB.' },
      }),
      413,
    );
  };
  app.use(AVATAR_PATH, tooLarge);

  app.get(`${AVATAR_PATH}/u/:file`, async (req, res, next) => {
    try {
      const file = parseAvatarFile(req.params.file);
      const bytes = file && (await storage.get(avatarKey(file.memberId, file.hash, file.size)));
      if (!bytes) {
        res.status(404).json({ errors: [{ message: 'Not found.', extensions: { code: 'NOT_FOUND' } }] });
        return;
      }
      res.set({ 'content-type': 'image/webp', 'cache-control': IMMUTABLE, 'x-content-type-options': 'nosniff' });
      res.send(bytes);
    } catch (err) {
      next(err);
    }
  });

  app.get(`${AVATAR_PATH}/g/:file`, (req, res) => {
    const handle = GENERATED_FILE.exec(req.params.file)?.[1];
    if (!handle) {
      res.status(404).json({ errors: [{ message: 'Not found.', extensions: { code: 'NOT_FOUND' } }] });
      return;
    }
    res.set({
      'content-type': 'image/svg+xml; charset=utf-8',
      'cache-control': IMMUTABLE,
      'x-content-type-options': 'nosniff',
      // Opened on its own, the SVG may run nothing.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    });
    res.send(generatedAvatarSvg(handle));
  });
}
