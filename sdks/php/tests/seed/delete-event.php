<?php
$calendar = \SweetDate\Calendar::get("CALENDAR-ID");
$resp = $calendar->deleteEvent("EVENT-ID");
print_r($resp);
