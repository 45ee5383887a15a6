<?php
$calendar = \SweetDate\Calendar::get("CALENDAR-ID");
$updated = $calendar->updateEvent("EVENT-ID", [
  "title" => "Sprint Planning (Updated)",
  "status" => "confirmed",
  "location" => "Room B"
]);
print_r($updated);
