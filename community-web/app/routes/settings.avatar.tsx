import { data, Form, Link, redirect, useActionData, useLoaderData } from 'react-router';
import { Avatar } from '../components/ui/avatar';
import { Button, FormMessage } from '../components/ui/field';
import { api } from '../graphql/client.server';
import { MyAvatarQuery, RemoveAvatarMutation } from '../features/avatars/documents';
import { MAX_UPLOAD_BYTES, uploadAvatar } from '../features/avatars/upload.server';
import { formErrors, statusFor } from '../lib/form-errors';
import { sameOriginAction } from '../lib/same-origin.server';
import { readToken } from '../lib/session.server';
import type { Route } from './+types/settings.avatar';

export const meta: Route.MetaFunction = () => [{ title: 'Your avatar · Hearth' }];

const HERE = '/settings/avatar';
const toLogin = () => redirect(`/login?redirectTo=${encodeURIComponent(HERE)}`);

export async function loader({ request }: Route.LoaderArgs) {
  if (!(await readToken(request))) throw toLogin();
  const res = await api(request, MyAvatarQuery, {});
  if (!res.data?.me) throw toLogin();
  return { me: res.data.me };
}

/**
 * Uploads (multipart, works without JavaScript) go through to the API's POST /avatars; the API
 * checks the type by content, the size and the dimensions. Removing goes back to the generated one.
 */
export const action = sameOriginAction(async ({ request }: Route.ActionArgs) => {
  if (!(await readToken(request))) throw toLogin();
  // Refused before reading a body far over the limit (the API refuses anything over 2 MB anyway).
  if (Number(request.headers.get('content-length') ?? 0) > MAX_UPLOAD_BYTES + 64 * 1024) {
    return data({ form: null, fields: { image: 'The image is larger than 2 MB.' } }, { status: 413 });
  }
  const form = await request.formData();
  if (form.get('intent') === 'remove') {
    const res = await api(request, RemoveAvatarMutation, {});
    if (res.error) return data(formErrors(res.error), { status: statusFor(res.error) });
    throw redirect(`/u/${res.data.removeAvatar.member.handle}`);
  }
  const file = form.get('image');
  if (!(file instanceof File) || file.size === 0) {
    return data({ form: null, fields: { image: 'Choose an image to upload.' } }, { status: 400 });
  }
  const res = await uploadAvatar(request, file);
  if (res.error) {
    if (res.error.code === 'UNAUTHENTICATED') throw toLogin();
    return data(formErrors(res.error), { status: statusFor(res.error) });
  }
  const me = await api(request, MyAvatarQuery, {});
  throw redirect(me.data?.me ? `/u/${me.data.me.handle}` : HERE);
});

export default function AvatarSettingsPage() {
  const { me } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">Your avatar</h1>
        <p className="mt-1 text-sm text-slate-600">
          Shown beside your posts and on{' '}
          <Link to={`/u/${me.handle}`} className="font-medium text-brand-700 underline">
            your profile
          </Link>
          . Until you upload one, it shows your initials.
        </p>
      </div>
      <div className="flex items-center gap-4 rounded-lg border border-slate-200 bg-white p-4">
        <Avatar url={me.avatarUrl} size={96} alt="Your current avatar" />
        <p className="text-sm text-slate-700">
          {me.hasUploadedAvatar ? 'Your uploaded image.' : 'Generated from your handle.'}
        </p>
      </div>
      <Form
        method="post"
        encType="multipart/form-data"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
        data-testid="avatar-upload"
      >
        <label className="block text-sm font-medium text-slate-800" htmlFor="avatar-image">
          New image
        </label>
        <p id="avatar-image-help" className="text-xs text-slate-600">
          PNG, JPEG, WebP or GIF (first frame), up to 2 MB. It is cropped to a square.
        </p>
        <input
          id="avatar-image"
          name="image"
          type="file"
          accept="image/png,image/jpeg,image/webp,image/gif"
          required
          aria-describedby="avatar-image-help avatar-image-error"
          aria-invalid={result?.fields.image ? true : undefined}
          className="block w-full max-w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-slate-50 file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-slate-800"
        />
        {result?.fields.image && (
          <p id="avatar-image-error" role="alert" className="text-sm font-medium text-red-700">
            {result.fields.image}
          </p>
        )}
        <FormMessage message={result?.form} />
        <Button type="submit">Upload</Button>
      </Form>
      {me.hasUploadedAvatar && (
        <Form method="post" className="rounded-lg border border-slate-200 bg-white p-4">
          <input type="hidden" name="intent" value="remove" />
          <Button type="submit" variant="secondary">
            Remove it and use the generated avatar
          </Button>
        </Form>
      )}
    </div>
  );
}
