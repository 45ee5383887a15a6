import { Suspense } from "react";
import { CalendarApp } from "@/components/calendar/calendar-app.tsx";
import { CalendarSkeleton } from "@/components/ui/skeleton.tsx";

export default function CalendarPage() {
  return (
    <Suspense fallback={<CalendarSkeleton />}>
      <CalendarApp />
    </Suspense>
  );
}
