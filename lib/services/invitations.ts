// The sign-up mode and invitations: one use case per file in ./invitations/.
export type { InvitationRecord } from "./ports.ts";
export { createInvitation } from "./invitations/create-invitation.ts";
export { invitationState, requireAdmin, type InvitationState } from "./invitations/invitation-rules.ts";
export { listInvitations } from "./invitations/list-invitations.ts";
export { revokeInvitation } from "./invitations/revoke-invitation.ts";
export { setSignUpMode, signUpSetting, type SignUpSetting } from "./invitations/sign-up-mode.ts";
