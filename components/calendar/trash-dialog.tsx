"use client";
import type { Calendar } from "@/lib/api/sweetdate/schemas.ts";
import { describeError } from "@/lib/client/request.ts";
import { useTrash } from "@/lib/client/use-trash.ts";
import { formatEventTime } from "@/lib/client/zoned-time.ts";
import { Dialog } from "@/components/ui/dialog.tsx";
import { useToast } from "@/components/ui/toast.tsx";

const deletedAt = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

/** Deleted events of one calendar (30 days), each with Restore. */
export function TrashDialog({ calendar, timeZone, onClose }: { calendar: Calendar; timeZone: string; onClose: () => void }) {
  const { list, restore } = useTrash(calendar.id);
  const toast = useToast();
  const items = list.data?.events ?? [];
  return (
    <Dialog
      open
      title={`Trash of “${calendar.name}”`}
      description="Deleted events stay here for 30 days. Restoring one puts it back with its occurrences."
      onClose={onClose}
      footer={
        <button type="button" className="button" onClick={onClose} data-autofocus>
          Done
        </button>
      }
    >
      {list.isPending ? <p className="field-hint">Loading…</p> : null}
      {list.isError ? <p role="alert">Could not load the trash: {describeError(list.error)}</p> : null}
      {list.data && items.length === 0 ? <p className="empty-state empty-state-small">The trash is empty.</p> : null}
      {items.length ? (
        <ul className="trash-list">
          {items.map((e) => (
            <li key={e.id} className="member-row" data-testid="trash-item">
              <span className="people-name">
                <strong>{e.title}</strong> <span className="muted">{formatEventTime(e, timeZone)}{e.rrule ? " · repeats" : ""}</span>
                <br />
                <span className="muted">Deleted {deletedAt.format(new Date(e.deleted_at))}</span>
              </span>
              <button
                type="button"
                className="button button-small"
                aria-label={`Restore ${e.title}`}
                disabled={restore.isPending}
                onClick={() =>
                  restore.mutate(e.id, {
                    onSuccess: () => toast(`Restored “${e.title}”`, "success"),
                    onError: (error) => toast(`Could not restore “${e.title}”: ${describeError(error)}`, "error"),
                  })
                }
              >
                Restore
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </Dialog>
  );
}
