import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_ABUSE_LIMITS } from '../../api/src/platform/abuse-limits.js';
import { buildMember, type TestMember } from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// Avatars (issue 13 item 4): uploaded through POST /avatars, checked by content, re-encoded to
// square WebP at 256 and 64 px without metadata, stored under UPLOADS_DIR, served with a content
// hash in the URL and a year's cache; removable by the member (and staff), never by another member.
let api: TestApi;
let uploads: string;
beforeAll(async () => {
  uploads = await mkdtemp(path.join(tmpdir(), 'hearth-avatars-'));
  api = await startTestApi({ UPLOADS_DIR: uploads });
});
afterAll(async () => {
  await api?.close();
  await rm(uploads, { recursive: true, force: true });
});

const photo = (format: 'png' | 'jpeg' | 'webp' | 'gif', width = 400, height = 300) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 20 } } })
    .toFormat(format)
    .toBuffer();

async function upload(member: TestMember | null, bytes: Uint8Array, contentType = 'application/octet-stream') {
  const res = await fetch(`${api.url}/avatars`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...(member ? { authorization: `Bearer ${member.token}` } : {}) },
    body: new Blob([new Uint8Array(bytes)]),
  });
  return { status: res.status, body: (await res.json()) as any };
}

const AVATAR = `query($h: String!) { member(handle: $h) { id avatarUrl small: avatarUrl(size: 40) hasUploadedAvatar } }`;
const avatarOf = async (m: TestMember) => (await api.gql(AVATAR, { h: m.handle })).data.member;
const REMOVE = `mutation($id: ID) { removeAvatar(memberId: $id) { member { id avatarUrl hasUploadedAvatar } } }`;
const storedFiles = async () => (await readdir(path.join(uploads, 'avatars')).catch(() => [] as string[])).sort();
const rows = async (m: TestMember) =>
  (await api.sql('select hash from member_avatars where member_id = $1', [m.id])) as { hash: string }[];

/** A valid PNG whose header claims `side` × `side` pixels: a few bytes that would decode to gigabytes. */
async function pngBomb(side: number): Promise<Buffer> {
  const png = Buffer.from(
    await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } })
      .png()
      .toBuffer(),
  );
  // IHDR: length (4) type (4) at offset 8, width and height at 16 and 20, CRC over type + data at 29.
  png.writeUInt32BE(side, 16);
  png.writeUInt32BE(side, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

describe('the generated avatar', () => {
  it('is every member’s until they upload one: an SVG of the handle’s initials, the same every time', async () => {
    const member = await buildMember(api, { handle: `jane_doe_${Date.now() % 100000}` });
    const { avatarUrl, small, hasUploadedAvatar } = await avatarOf(member);
    expect(hasUploadedAvatar).toBe(false);
    expect(avatarUrl).toBe(`/avatars/g/${member.handle}.svg`);
    expect(small).toBe(avatarUrl);
    const res = await fetch(`${api.url}${avatarUrl}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const svg = await res.text();
    expect(svg).toContain('>JD</text>');
    expect(svg).not.toMatch(/<script|href=/i);
    expect(await (await fetch(`${api.url}${avatarUrl}`)).text()).toBe(svg);
    expect((await fetch(`${api.url}/avatars/g/${encodeURIComponent('<x>')}.svg`)).status).toBe(404);
  });
});

describe('uploading', () => {
  it('re-encodes the image as square WebP at 256 and 64 px, without its metadata, served for a year', async () => {
    const member = await buildMember(api);
    // A JPEG with EXIF (camera, orientation) and a name that lies about its type.
    const jpeg = await sharp(await photo('jpeg', 600, 400))
      .withExif({ IFD0: { Make: 'SecretCam', Copyright: 'home address' } })
      .jpeg()
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const res = await upload(member, jpeg, 'image/png');
    expect(res.status).toBe(200);
    const { avatarUrl, small, hasUploadedAvatar } = await avatarOf(member);
    expect(hasUploadedAvatar).toBe(true);
    expect(avatarUrl).toBe(res.body.avatarUrl);
    expect(avatarUrl).toMatch(new RegExp(`^/avatars/u/${member.id}-[0-9a-f]{16}-256\\.webp$`));
    expect(small).toBe(avatarUrl.replace('-256.webp', '-64.webp'));
    for (const [url, size] of [
      [avatarUrl, 256],
      [small, 64],
    ] as const) {
      const served = await fetch(`${api.url}${url}`);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/webp');
      expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['webp', size, size]);
      expect(meta.exif).toBeUndefined();
    }
    expect(await storedFiles()).toEqual(
      expect.arrayContaining([`${member.id}-${res.body.hash}-256.webp`, `${member.id}-${res.body.hash}-64.webp`]),
    );
  });

  it.each(['png', 'webp', 'gif'] as const)('accepts %s, recognised by its bytes', async (format) => {
    const member = await buildMember(api);
    const res = await upload(member, await photo(format), 'text/plain');
    expect(res.status).toBe(200);
    expect((await rows(member)).map((r) => r.hash)).toEqual([res.body.hash]);
  });

  it('a new upload gets a new URL and the old files are deleted', async () => {
    const member = await buildMember(api);
    const first = await upload(member, await photo('png'));
    const second = await upload(
      member,
      await sharp(await photo('png'))
        .negate()
        .png()
        .toBuffer(),
    );
    expect(second.body.hash).not.toBe(first.body.hash);
    expect((await fetch(`${api.url}${first.body.avatarUrl}`)).status).toBe(404);
    expect((await fetch(`${api.url}${second.body.avatarUrl}`)).status).toBe(200);
    expect((await storedFiles()).filter((f) => f.startsWith(`${member.id}-`))).toHaveLength(2);
  });

  it.each([
    [
      'text that says it is a PNG',
      Buffer.from('hello, I am not an image at all'),
      'image/png',
      /not a PNG, JPEG, WebP or GIF/,
    ],
    [
      'an SVG',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      'image/svg+xml',
      /not a PNG/,
    ],
    [
      'a PNG header on garbage',
      Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(200, 7)]),
      'image/png',
      /could not be read/,
    ],
    ['nothing', Buffer.alloc(0), 'image/png', /Choose an image/],
  ])('refuses %s: BAD_USER_INPUT on the image field, nothing stored', async (_name, body, type, message) => {
    const member = await buildMember(api);
    const before = await storedFiles();
    const res = await upload(member, body, type);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors[0].extensions.fields.image).toMatch(message);
    expect(await rows(member)).toEqual([]);
    expect(await storedFiles()).toEqual(before);
  });

  it('refuses an image bomb (huge dimensions in a tiny file) before decoding it', async () => {
    const member = await buildMember(api);
    const bomb = await pngBomb(30_000);
    expect(bomb.length).toBeLessThan(200);
    expect((await sharp(bomb, { limitInputPixels: false }).metadata()).width).toBe(30_000);
    const res = await upload(member, bomb, 'image/png');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(res.body.errors[0].message).toMatch(/too large: at most 6000 × 6000 pixels/);
    expect(await rows(member)).toEqual([]);
  });

  it('refuses more than 2 MB with BAD_USER_INPUT (HTTP 413), nothing stored', async () => {
    const member = await buildMember(api);
    const before = await storedFiles();
    const big = Buffer.concat([await photo('png'), Buffer.alloc(2 * 1024 * 1024)]);
    const res = await upload(member, big, 'image/png');
    expect(res.status).toBe(413);
    expect(res.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { image: 'The image is larger than 2 MB.' },
    });
    expect(await rows(member)).toEqual([]);
    expect(await storedFiles()).toEqual(before);
  });

  it('needs a session: a visitor or a bad token is UNAUTHENTICATED', async () => {
    const image = await photo('png');
    const visitor = await upload(null, image);
    expect([visitor.status, visitor.body.errors[0].extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
    const res = await fetch(`${api.url}/avatars`, {
      method: 'POST',
      headers: { authorization: 'Bearer nope' },
      body: new Blob([new Uint8Array(image)]),
    });
    expect(res.status).toBe(401);
  });

  it('is limited per hour (avatarUploadsPerHour): RATE_LIMITED with Retry-After', async () => {
    const limited = await startTestApi({
      UPLOADS_DIR: uploads,
      ABUSE_LIMITS: JSON.stringify({ ...NO_ABUSE_LIMITS, avatarUploadsPerHour: 2 }),
    });
    try {
      const member = await buildMember(limited);
      const image = await photo('png');
      const send = () =>
        fetch(`${limited.url}/avatars`, {
          method: 'POST',
          headers: { authorization: `Bearer ${member.token}` },
          body: new Blob([new Uint8Array(image)]),
        });
      expect((await send()).status).toBe(200);
      expect((await send()).status).toBe(200);
      const third = await send();
      expect(third.status).toBe(429);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await third.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});

describe('removing', () => {
  it('brings the generated avatar back and deletes the files; removing again changes nothing', async () => {
    const member = await buildMember(api);
    const { body } = await upload(member, await photo('png'));
    const res = await api.gql(REMOVE, {}, { token: member.token });
    expect(res.errors).toBeUndefined();
    expect(res.data.removeAvatar.member).toMatchObject({
      hasUploadedAvatar: false,
      avatarUrl: `/avatars/g/${member.handle}.svg`,
    });
    expect((await fetch(`${api.url}${body.avatarUrl}`)).status).toBe(404);
    expect((await storedFiles()).filter((f) => f.startsWith(`${member.id}-`))).toEqual([]);
    expect((await api.gql(REMOVE, {}, { token: member.token })).errors).toBeUndefined();
    const events = await api.sql(
      "select count(*)::int as n from domain_events where name = 'avatar.removed' and subject = $1",
      [`member:${member.id}`],
    );
    expect(events[0].n).toBe(1);
  });

  it('another member cannot remove yours (FORBIDDEN); a visitor must log in; staff can', async () => {
    const [owner, other, moderator] = await Promise.all([
      buildMember(api),
      buildMember(api),
      buildMember(api, { role: 'MODERATOR' }),
    ]);
    const { body } = await upload(owner, await photo('png'));
    const byOther = await api.gql(REMOVE, { id: owner.id }, { token: other.token });
    expect(byOther.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const byVisitor = await api.gql(REMOVE, { id: owner.id });
    expect(byVisitor.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(await rows(owner)).toEqual([{ hash: body.hash }]);
    // An upload with another member's session changes that member's avatar, never the owner's.
    await upload(other, await photo('gif'));
    expect((await avatarOf(owner)).avatarUrl).toBe(body.avatarUrl);
    const byStaff = await api.gql(REMOVE, { id: owner.id }, { token: moderator.token });
    expect(byStaff.errors).toBeUndefined();
    expect(await rows(owner)).toEqual([]);
  });
});
