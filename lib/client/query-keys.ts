// One key factory per resource: every query and invalidation goes through these.
export const eventKeys = {
  all: ["events"] as const,
  ranges: () => [...eventKeys.all, "range"] as const,
  range: (from: string, to: string) => [...eventKeys.ranges(), from, to] as const,
  searches: () => [...eventKeys.all, "search"] as const,
  search: (q: string) => [...eventKeys.searches(), q] as const,
  details: () => [...eventKeys.all, "detail"] as const,
  detail: (calendarId: string, id: string) => [...eventKeys.details(), calendarId, id] as const,
  participants: (calendarId: string, id: string) => [...eventKeys.all, "participants", calendarId, id] as const,
  /** The coming weeks' occurrences with reminders (lib/client/use-reminders.ts). */
  reminders: () => [...eventKeys.all, "reminders"] as const,
};

export const calendarKeys = {
  all: ["calendars"] as const,
  list: () => [...calendarKeys.all, "list"] as const,
  members: (calendarId: string) => [...calendarKeys.all, "members", calendarId] as const,
  trash: (calendarId: string) => [...calendarKeys.all, "trash", calendarId] as const,
};

export const userKeys = {
  all: ["users"] as const,
  search: (q: string) => [...userKeys.all, "search", q] as const,
};

export const accountKeys = {
  all: ["account"] as const,
  status: () => [...accountKeys.all, "status"] as const,
  me: () => [...accountKeys.all, "me"] as const,
  tokens: () => [...accountKeys.all, "tokens"] as const,
};

export const adminKeys = {
  all: ["admin"] as const,
  invitations: () => [...adminKeys.all, "invitations"] as const,
  settings: () => [...adminKeys.all, "settings"] as const,
};
