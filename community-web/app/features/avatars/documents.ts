import { graphql } from '../../graphql/generated';

/** The viewer's avatar, for the avatar settings page. */
export const MyAvatarQuery = graphql(`
  query MyAvatar {
    me {
      id
      handle
      avatarUrl(size: 256)
      hasUploadedAvatar
    }
  }
`);

export const RemoveAvatarMutation = graphql(`
  mutation RemoveAvatar {
    removeAvatar {
      member {
        id
        handle
      }
    }
  }
`);
