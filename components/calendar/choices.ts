// The audience vocabularies with the one-line explanations the dialog shows next to each choice.
import type { ParticipantRole, Stakeholder, Status, Visibility } from "./event-form.ts";

export const VISIBILITY_CHOICES: { value: Visibility; label: string; hint: string }[] = [
  { value: "public", label: "Public", hint: "Everyone in the audience sees the title, time and details." },
  { value: "busy", label: "Busy", hint: "Others in the audience see only a “Busy” block at this time." },
  { value: "private", label: "Private", hint: "Only participants, editors and calendar admins see it at all." },
];

export const STAKEHOLDER_CHOICES: { value: Stakeholder; label: string; hint: string }[] = [
  { value: "just_me", label: "Just me", hint: "Only you can see this event." },
  { value: "group", label: "Group", hint: "Members of this calendar can see it." },
  { value: "everyone", label: "Everyone", hint: "Every user of this SweetDate installation can see it." },
];

export const ROLE_CHOICES: { value: ParticipantRole; label: string; hint: string }[] = [
  { value: "editor", label: "Editor", hint: "Participants may change the event." },
  { value: "viewer", label: "Viewer", hint: "Participants may see but not change it." },
  { value: "collaboration_complete", label: "Done collaborating", hint: "Participants see it read-only; their part is finished." },
];

export const STATUS_CHOICES: { value: Status; label: string }[] = [
  { value: "scheduled", label: "Scheduled" },
  { value: "tentative", label: "Tentative" },
  { value: "confirmed", label: "Confirmed" },
  { value: "postponed", label: "Postponed" },
  { value: "cancelled", label: "Cancelled" },
  { value: "completed", label: "Completed" },
];

export function labelOf<T extends string>(choices: { value: T; label: string }[], value: T): string {
  return choices.find((c) => c.value === value)?.label ?? value;
}

/**
 * Who sees what for a visibility/audience pair, in one sentence. Two pairs are easy to misread:
 * "Just me" leaves no audience for visibility to act on (so the dialog disables it), and
 * "Everyone" + "Private" reaches no one beyond the invited people and calendar admins.
 */
export function audienceSummary(stakeholder: Stakeholder, visibility: Visibility, calendarName: string): string {
  const group = calendarName ? `members of “${calendarName}”` : "members of the calendar";
  const insiders = "you, the people you invite and the calendar's admins";
  if (stakeholder === "just_me") return "Only you and the people you invite see this event; visibility does not apply to a “Just me” event.";
  const audience = stakeholder === "everyone" ? "every user of this installation" : group;
  if (visibility === "public") return `Seen in full by ${audience}.`;
  if (visibility === "busy") return `Seen in full by ${insiders}; ${audience} see only a “Busy” block.`;
  return stakeholder === "everyone"
    ? `Private wins: only ${insiders} see it — no one else, so “Everyone” adds nobody here.`
    : `Only ${insiders} see it; other ${group} do not see it at all.`;
}
