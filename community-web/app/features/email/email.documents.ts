import { graphql } from '../../graphql/generated';

export const VerifyEmailMutation = graphql(`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token)
  }
`);

export const ResendVerificationEmailMutation = graphql(`
  mutation ResendVerificationEmail {
    resendVerificationEmail
  }
`);

export const EmailUnsubscribeLinkQuery = graphql(`
  query EmailUnsubscribeLink($token: String!) {
    emailUnsubscribeLink(token: $token) {
      handle
      digest
      kinds
      labels
    }
  }
`);

export const UnsubscribeFromEmailsMutation = graphql(`
  mutation UnsubscribeFromEmails($token: String!) {
    unsubscribeFromEmails(token: $token) {
      handle
      digest
      kinds
      labels
    }
  }
`);
