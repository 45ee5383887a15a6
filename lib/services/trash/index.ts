// The trash: one use case per file; the shared rules are in trash-rules.ts.
export { listTrash, type TrashItem } from "./list-trash.ts";
export { restoreFromTrash } from "./restore-from-trash.ts";
