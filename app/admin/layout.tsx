import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { SESSION_COOKIE } from "@/lib/api/auth.ts";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const jar = await cookies();
  if (!jar.has(SESSION_COOKIE)) redirect("/sign-in?next=/admin");
  return children;
}
