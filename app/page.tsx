import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { SESSION_COOKIE } from "@/lib/api/auth.ts";

// `/` → the calendar when signed in, else the sign-in page (which sends a first visitor to sign-up).
export default async function Home() {
  const jar = await cookies();
  redirect(jar.has(SESSION_COOKIE) ? "/calendar" : "/sign-in");
}
