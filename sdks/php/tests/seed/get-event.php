<?php
$calendar = \SweetDate\Calendar::get("CALENDAR-ID");
$event = $calendar->getEvent("EVENT-ID");
print_r($event);
