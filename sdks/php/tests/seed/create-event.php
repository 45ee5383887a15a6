<?php
$calendar = \SweetDate\Calendar::get("CALENDAR-ID");
$event = $calendar->createEvent([
  "title" => "Sprint Planning",
  "starts_at" => "2025-08-21T09:00:00Z",
  "ends_at" => "2025-08-21T10:00:00Z",
  "location" => "Room A",
  "description" => "Quarterly planning session",
  "status" => "tentative"
]);
print_r($event);
