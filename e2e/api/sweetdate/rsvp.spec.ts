// The event's `rsvp` field: the caller's own answer when invited, null otherwise; it follows
// PUT …/users/:me and reaches every occurrence of a series.
import { expect, test } from "@playwright/test";
import { EventEnvelope, EventsEnvelope, EventUserEnvelope, MemberEnvelope } from "../../../lib/api/sweetdate/schemas.ts";
import { expectBody, newCalendar, newUser } from "../../helpers.ts";

test("GET /api/v1/events – rsvp is the caller's own answer: null for the organiser, needs_action then the answer for an invitee", async ({ request }) => {
  const owner = await newUser(request, { name: "Organiser" });
  const invitee = await newUser(request, { name: "Invitee" });
  const calendar = await newCalendar(request, owner);
  await expectBody(await request.post(`/api/v1/calendars/${calendar.id}/users`, { headers: owner.auth, data: { user_id: invitee.id } }), 201, MemberEnvelope);
  const { event } = await expectBody(
    await request.post(`/api/v1/calendars/${calendar.id}/events`, {
      headers: owner.auth,
      data: { title: "Weekly sync", starts_at: "2026-03-02T10:00:00Z", ends_at: "2026-03-02T11:00:00Z", rrule: "FREQ=WEEKLY;COUNT=3", participant_ids: [invitee.id] },
    }),
    201,
    EventEnvelope,
  );
  expect(event.rsvp).toBeNull();
  const window = "/api/v1/events?from=2026-03-01T00:00:00Z&to=2026-03-31T00:00:00Z";
  const before = await expectBody(await request.get(window, { headers: invitee.auth }), 200, EventsEnvelope);
  expect(before.events.map((e) => e.rsvp)).toEqual(["needs_action", "needs_action", "needs_action"]);
  const ownerView = await expectBody(await request.get(window, { headers: owner.auth }), 200, EventsEnvelope);
  expect(ownerView.events.map((e) => e.rsvp)).toEqual([null, null, null]);

  // Answering on one occurrence answers for the series.
  const occurrence = before.events[1]!;
  await expectBody(await request.put(`/api/v1/calendars/${calendar.id}/events/${occurrence.id}/users/${invitee.id}`, { headers: invitee.auth, data: { rsvp: "declined" } }), 200, EventUserEnvelope);
  const after = await expectBody(await request.get(window, { headers: invitee.auth }), 200, EventsEnvelope);
  expect(after.events.map((e) => e.rsvp)).toEqual(["declined", "declined", "declined"]);
  const single = await expectBody(await request.get(`/api/v1/calendars/${calendar.id}/events/${event.id}`, { headers: invitee.auth }), 200, EventEnvelope);
  expect(single.event.rsvp).toBe("declined");
  // Sending it back (a read-only field) is ignored, not an error.
  const echoed = await expectBody(await request.put(`/api/v1/calendars/${calendar.id}/events/${event.id}`, { headers: owner.auth, data: { title: "Weekly sync!", rsvp: "accepted" } }), 200, EventEnvelope);
  expect(echoed.event.rsvp).toBeNull();
});
