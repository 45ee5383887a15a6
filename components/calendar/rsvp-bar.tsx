"use client";
import type { Event } from "@/lib/api/sweetdate/schemas.ts";
import { describeError } from "@/lib/client/request.ts";
import { useRsvp, type RsvpAnswer } from "@/lib/client/use-rsvp.ts";
import { useToast } from "@/components/ui/toast.tsx";

export const RSVP_LABELS: Record<NonNullable<Event["rsvp"]>, string> = {
  needs_action: "No answer yet",
  accepted: "Accepted",
  tentative: "Maybe",
  declined: "Declined",
};

const ANSWERS: { value: RsvpAnswer; label: string }[] = [
  { value: "accepted", label: "Accept" },
  { value: "tentative", label: "Maybe" },
  { value: "declined", label: "Decline" },
];

/** "You are invited": the caller's own answer, changed with one press (PUT …/users/:me { rsvp }). */
export function RsvpBar({ event, meId }: { event: Event; meId: string }) {
  const rsvp = useRsvp(meId);
  const toast = useToast();
  if (event.rsvp === null) return null;
  const current = rsvp.isPending && rsvp.variables ? rsvp.variables.rsvp : event.rsvp;
  return (
    <div className="rsvp" role="group" aria-label="Your answer" data-testid="rsvp">
      <span>{current === "needs_action" ? <strong>Needs your response</strong> : <>You answered: <strong>{RSVP_LABELS[current]}</strong></>}</span>
      {ANSWERS.map((a) => (
        <button
          key={a.value}
          type="button"
          className={`button button-small${current === a.value ? " button-primary" : ""}`}
          aria-pressed={current === a.value}
          disabled={rsvp.isPending}
          onClick={() =>
            rsvp.mutate(
              { event, rsvp: a.value },
              {
                onSuccess: () => toast(`Answered “${a.label}” for “${event.title}”`, "success"),
                onError: (error) => toast(`Could not answer: ${describeError(error)}`, "error"),
              },
            )
          }
        >
          {a.label}
        </button>
      ))}
    </div>
  );
}
