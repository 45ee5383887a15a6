import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { SESSION_COOKIE } from "@/lib/api/auth.ts";

export const metadata: Metadata = { title: "Calendar" };

// No session cookie → straight to sign-in (an expired one is caught by the first API call's 401).
export default async function CalendarLayout({ children }: { children: ReactNode }) {
  const jar = await cookies();
  if (!jar.has(SESSION_COOKIE)) redirect("/sign-in?next=/calendar");
  return children;
}
