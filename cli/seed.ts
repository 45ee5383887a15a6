// Demo data: a user, two calendars and a realistic month of events around today.
import { countUsers, signUp } from "../lib/services/accounts.ts";
import { createCalendar } from "../lib/services/manage-calendars.ts";
import { createEvent } from "../lib/services/create-event.ts";
import { loadViewer } from "../lib/services/viewer.ts";
import type { EventInput } from "../lib/domain/event-rules.ts";

export const DEMO_EMAIL = "demo@sweetdate.local";
export const DEMO_PASSWORD = "sweetdate-demo";

const at = (day: Date, hour: number, minute = 0) => new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour, minute));

export async function seedDemo({ ifEmpty }: { ifEmpty: boolean }): Promise<string> {
  if (ifEmpty && (await countUsers()) > 0) return "database already has users; demo data not added";
  const user = await signUp({ email: DEMO_EMAIL, password: DEMO_PASSWORD, name: "Demo User", timeZone: "UTC" }, { operator: true });
  const team = await createCalendar(user.id, { name: "Team", description: "Shared team calendar", color: "#2563eb" }, "UTC");
  const personal = await createCalendar(user.id, { name: "Personal", color: "#db2777" }, "UTC");
  const viewer = await loadViewer(user.id);
  const now = new Date();
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const events: [typeof team, EventInput][] = [
    [team, { title: "Daily stand-up", startsAt: at(monthStart, 9), endsAt: at(monthStart, 9, 15), rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", location: "Huddle room" }],
    [team, { title: "Sprint planning #sprint", startsAt: at(monthStart, 13), endsAt: at(monthStart, 14, 30), rrule: "FREQ=WEEKLY;INTERVAL=2", description: "Plan the next two weeks #planning" }],
    [team, { title: "Retro", startsAt: at(new Date(monthStart.getTime() + 11 * 864e5), 15), endsAt: at(new Date(monthStart.getTime() + 11 * 864e5), 16), status: "tentative" }],
    [team, { title: "Company offsite", allDay: true, startsAt: at(new Date(monthStart.getTime() + 17 * 864e5), 0), endsAt: at(new Date(monthStart.getTime() + 19 * 864e5), 0), stakeholder: "everyone" }],
    [team, { title: "1:1 with Alex", startsAt: at(new Date(monthStart.getTime() + 3 * 864e5), 11), endsAt: at(new Date(monthStart.getTime() + 3 * 864e5), 11, 30), visibility: "busy" }],
    [personal, { title: "Dentist", startsAt: at(new Date(monthStart.getTime() + 8 * 864e5), 8), endsAt: at(new Date(monthStart.getTime() + 8 * 864e5), 9), visibility: "private", location: "Main St 12" }],
    [personal, { title: "Gym", startsAt: at(monthStart, 18), endsAt: at(monthStart, 19), rrule: "FREQ=WEEKLY;BYDAY=TU,TH" }],
    [personal, { title: "Rent due", allDay: true, startsAt: monthStart, endsAt: new Date(monthStart.getTime() + 864e5), rrule: "FREQ=MONTHLY;BYMONTHDAY=1" }],
  ];
  for (let day = 2; day < 27; day += 4) {
    const d = new Date(monthStart.getTime() + day * 864e5);
    events.push([team, { title: `Customer call ${day}`, startsAt: at(d, 10), endsAt: at(d, 10, 45), location: "Zoom" }]);
  }
  for (const [calendar, input] of events) await createEvent(viewer, calendar, input, "scheduled");
  return `seeded demo data: sign in as ${DEMO_EMAIL} / ${DEMO_PASSWORD} (${events.length} events in 2 calendars)`;
}
