// Calendar membership: one use case per file; the shared rules are in membership-rules.ts.
export { addMember } from "./add-member.ts";
export { changeMember } from "./change-member.ts";
export { listMembers } from "./list-members.ts";
export { removeMember } from "./remove-member.ts";
