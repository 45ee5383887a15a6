"use client";
import { Dialog } from "@/components/ui/dialog.tsx";
import { SHORTCUTS } from "./use-keyboard-shortcuts.ts";

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={onClose} size="small" footer={<button type="button" className="button" onClick={onClose} data-autofocus>Close</button>}>
      <table className="shortcuts">
        <caption className="sr-only">Keyboard shortcuts on the calendar page</caption>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action}>
              <td>
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 ? " " : null}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{s.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
