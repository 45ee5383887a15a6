// Event participants: one use case per file; the shared rules are in participant-rules.ts.
export { addParticipant } from "./add-participant.ts";
export { changeParticipant } from "./change-participant.ts";
export { listParticipants } from "./list-participants.ts";
export type { ParticipantView } from "./participant-rules.ts";
export { removeParticipant } from "./remove-participant.ts";
