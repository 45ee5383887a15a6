import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { SESSION_COOKIE } from "@/lib/api/auth.ts";
import { CalendarApp } from "@/components/calendar/calendar-app.tsx";
import { CalendarSkeleton } from "@/components/ui/skeleton.tsx";

export const metadata: Metadata = { title: "Calendar" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// No session cookie → sign-in, coming back to this very view and date afterwards (an expired
// cookie is caught by the first API call's 401).
export default async function CalendarPage({ searchParams }: { searchParams: SearchParams }) {
  const jar = await cookies();
  if (!jar.has(SESSION_COOKIE)) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(await searchParams)) if (typeof value === "string") query.set(key, value);
    const here = `/calendar${query.size ? `?${query}` : ""}`;
    redirect(`/sign-in?next=${encodeURIComponent(here)}`);
  }
  return (
    <Suspense fallback={<CalendarSkeleton />}>
      <CalendarApp />
    </Suspense>
  );
}
