import { CalendarSkeleton } from "@/components/ui/skeleton.tsx";

export default function Loading() {
  return <CalendarSkeleton />;
}
