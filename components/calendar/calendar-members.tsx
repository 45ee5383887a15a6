"use client";
import { useId, useState } from "react";
import type { Calendar, User } from "@/lib/api/sweetdate/schemas.ts";
import { describeError } from "@/lib/client/request.ts";
import { useCalendarMembers } from "@/lib/client/use-calendar-members.ts";
import { useFindUsers } from "@/lib/client/use-find-users.ts";
import { useMemberActions, type MemberRole } from "@/lib/client/use-member-actions.ts";
import { ConfirmDialog } from "@/components/ui/confirm-dialog.tsx";
import { useToast } from "@/components/ui/toast.tsx";

export const MEMBER_ROLES: { value: MemberRole; label: string; hint: string }[] = [
  { value: "owner", label: "Owner", hint: "Everything, including managing owners and deleting the calendar" },
  { value: "admin", label: "Admin", hint: "Manages members and changes every shared event" },
  { value: "member", label: "Member", hint: "Sees the calendar and adds events" },
  { value: "guest", label: "Guest", hint: "Sees the calendar, read-only" },
];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The calendar dialog's sharing section: members with roles, add by name or exact email, remove, leave. */
export function CalendarMembers({ calendar, meId, onLeft }: { calendar: Calendar; meId: string; onLeft: () => void }) {
  const id = useId();
  const members = useCalendarMembers(calendar.id);
  const actions = useMemberActions(calendar.id);
  const [query, setQuery] = useState("");
  const [role, setRole] = useState<MemberRole>("member");
  const [confirm, setConfirm] = useState<null | { userId: string; name: string; self: boolean }>(null);
  const found = useFindUsers(query);
  const toast = useToast();
  const manage = calendar.role === "owner" || calendar.role === "admin";
  const memberIds = new Set((members.data ?? []).map((m) => m.id));
  const candidates = (found.data ?? []).filter((u) => !memberIds.has(u.id));
  const exactEmail = EMAIL.test(query.trim());

  async function add(user: User) {
    try {
      await actions.add.mutateAsync({ userId: user.id, role });
      toast(`${user.name} added as ${role}`, "success");
      setQuery("");
    } catch (error) {
      toast(`Could not add ${user.name}: ${describeError(error)}`, "error");
    }
  }

  async function changeRole(userId: string, name: string, next: MemberRole) {
    try {
      await actions.change.mutateAsync({ userId, role: next });
      toast(`${name} is now ${next}`, "success");
    } catch (error) {
      toast(`Could not change ${name}'s role: ${describeError(error)}`, "error");
    }
  }

  async function remove(target: { userId: string; name: string; self: boolean }) {
    setConfirm(null);
    try {
      await actions.remove.mutateAsync({ userId: target.userId });
      toast(target.self ? `You left “${calendar.name}”` : `${target.name} removed`, "success");
      if (target.self) onLeft();
    } catch (error) {
      toast(`${target.self ? "Could not leave" : `Could not remove ${target.name}`}: ${describeError(error)}`, "error");
    }
  }

  return (
    <section className="members" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="field-label">
        People with access
      </h3>
      {members.isPending ? <p className="field-hint">Loading members…</p> : null}
      {members.isError ? <p role="alert">Could not load members: {describeError(members.error)}</p> : null}
      <ul className="member-list">
        {(members.data ?? []).map((m) => {
          const self = m.id === meId;
          return (
            <li key={m.id} className="member-row" data-testid="member-row">
              <span className="people-name">
                {m.name}
                {self ? " (you)" : ""} <span className="muted">{m.email}</span>
              </span>
              {manage && !self ? (
                <select aria-label={`Role of ${m.name}`} value={m.role} onChange={(e) => void changeRole(m.id, m.name, e.target.value as MemberRole)} disabled={actions.change.isPending}>
                  {MEMBER_ROLES.map((r) => (
                    <option key={r.value} value={r.value} title={r.hint}>
                      {r.label}
                    </option>
                  ))}
                </select>
              ) : (
                <span className="member-role">{MEMBER_ROLES.find((r) => r.value === m.role)?.label ?? m.role}</span>
              )}
              {self ? (
                <button type="button" className="button button-small button-danger-quiet" onClick={() => setConfirm({ userId: m.id, name: m.name, self: true })}>
                  Leave
                </button>
              ) : manage ? (
                <button type="button" className="button button-small button-danger-quiet" aria-label={`Remove ${m.name}`} onClick={() => setConfirm({ userId: m.id, name: m.name, self: false })}>
                  Remove
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>

      {manage ? (
        <div className="member-add">
          <div className="inline-fields">
            <label htmlFor={`${id}-find`} className="sr-only">
              Add people by name or email
            </label>
            <input
              id={`${id}-find`}
              type="search"
              placeholder="Add people by name or email"
              autoComplete="off"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              aria-describedby={`${id}-find-hint`}
            />
            <select aria-label="Role for people you add" value={role} onChange={(e) => setRole(e.target.value as MemberRole)}>
              {MEMBER_ROLES.filter((r) => calendar.role === "owner" || r.value !== "owner").map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </select>
          </div>
          <p id={`${id}-find-hint`} className="field-hint">
            {MEMBER_ROLES.find((r) => r.value === role)?.hint}. Anyone with an account can be added by their exact email address.
          </p>
          {query.trim().length >= 2 ? (
            <ul className="member-results" aria-label="People found" aria-busy={found.isFetching}>
              {candidates.map((u) => (
                <li key={u.id} className="member-row">
                  <span className="people-name">
                    {u.name} <span className="muted">{u.email}</span>
                  </span>
                  <button type="button" className="button button-small" onClick={() => void add(u)} disabled={actions.add.isPending} aria-label={`Add ${u.name}`}>
                    Add
                  </button>
                </li>
              ))}
              {found.data && !found.isFetching && candidates.length === 0 ? (
                <li className="field-hint">
                  {exactEmail ? "No account uses this email address. They need to sign up first." : "No one found. Type their full email address to add someone you do not share a calendar with yet."}
                </li>
              ) : null}
            </ul>
          ) : null}
        </div>
      ) : null}

      <ConfirmDialog
        open={confirm !== null}
        title={confirm?.self ? "Leave calendar" : "Remove member"}
        message={confirm?.self ? `Leave “${calendar.name}”? You will no longer see its events unless someone adds you again.` : `Remove ${confirm?.name ?? ""} from “${calendar.name}”?`}
        confirmLabel={confirm?.self ? "Leave" : "Remove"}
        destructive
        onConfirm={() => confirm && void remove(confirm)}
        onCancel={() => setConfirm(null)}
      />
    </section>
  );
}
