import { expect, test } from "@playwright/test";
import { CalendarEvents } from "../../../lib/api/kona/schemas.ts";
import { expectBody } from "../../helpers.ts";
import { createEvent, konaSetup, listEvents } from "./kona.ts";

// Mondays at 09:00 UTC, four times: 7, 14, 21 and 28 January 2030.
const weekly = { name: "Standup", location: "Room 1", start_at: "2030-01-07T09:00:00Z", end_at: "2030-01-07T10:00:00Z", period: 2, frequency: 1, sel_days: [1], series_end_at: "2030-01-28 23:59:59.000" };

test("PUT /api/calendar_events/:id?apply_to=all – an override takes the fields it did not change itself and keeps its own", async ({ request }) => {
  const { user, spaceId } = await konaSetup(request);
  const series = await createEvent(request, user, { ...weekly, space_id: spaceId });
  // Occurrence 2 renamed (its time and place untouched); occurrence 3 moved to the afternoon.
  await expectBody(await request.put(`/api/calendar_events/${series.id}?num_in_series=2`, { headers: user.auth, data: { calendar_events: [{ name: "Demo day" }] } }), 200, CalendarEvents);
  await expectBody(
    await request.put(`/api/calendar_events/${series.id}?num_in_series=3`, { headers: user.auth, data: { calendar_events: [{ start_at: "2030-01-21 14:00:00.000", end_at: "2030-01-21 15:00:00.000" }] } }),
    200,
    CalendarEvents,
  );
  await expectBody(
    await request.put(`/api/calendar_events/${series.id}?apply_to=all`, { headers: user.auth, data: { calendar_events: [{ name: "Daily standup", location: "Room 9", start_at: "2030-01-07 10:00:00.000", end_at: "2030-01-07 11:00:00.000" }] } }),
    200,
    CalendarEvents,
  );
  const list = await listEvents(request, user, `space_id=${spaceId}&date_range_start=2030-01-01&date_range_end=2030-02-01`);
  expect(list.map((o) => [o.num_in_series, o.name, o.location, new Date(o.start_at).toISOString().slice(5, 16)])).toEqual([
    [1, "Daily standup", "Room 9", "01-07T10:00"],
    [2, "Demo day", "Room 9", "01-14T10:00"],
    [3, "Daily standup", "Room 9", "01-21T14:00"],
    [4, "Daily standup", "Room 9", "01-28T10:00"],
  ]);
});
