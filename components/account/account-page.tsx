"use client";
import Link from "next/link";
import { useAuthStatus } from "@/lib/client/use-auth-status.ts";
import { useMe } from "@/lib/client/use-me.ts";
import { useSignOut } from "@/lib/client/use-sign-out.ts";
import { AppHeader } from "@/components/ui/app-header.tsx";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import { ProfileForm } from "./profile-form.tsx";
import { CalendarAppsPanel } from "./calendar-apps-panel.tsx";
import { TokensPanel } from "./tokens-panel.tsx";
import { fullLoad } from "@/lib/client/full-load.ts";

export function AccountPage() {
  const me = useMe();
  const status = useAuthStatus();
  const signOut = useSignOut();
  return (
    <div className="app-shell">
      <AppHeader userName={me.data?.name} />
      <main id="main" className="account-main">
        <p>
          <Link href="/calendar">← Back to the calendar</Link>
        </p>
        <h1>Account</h1>
        {me.data ? (
          <p className="muted">
            Signed in as {me.data.name} ({me.data.email})
          </p>
        ) : (
          <Skeleton width="16rem" />
        )}
        <section className="card account-section" aria-labelledby="profile-heading" id="time-zone">
          <h2 id="profile-heading">Profile and time zone</h2>
          {me.data ? <ProfileForm user={me.data} /> : <Skeleton width="100%" height="6rem" />}
        </section>
        <section className="card account-section" aria-labelledby="apps-heading" id="calendar-apps">
          <h2 id="apps-heading">Calendar apps (CalDAV)</h2>
          <p className="muted">
            Apple Calendar, Thunderbird, DAVx⁵ and other CalDAV apps sync every calendar you belong to, both ways. Sign in with your email and an app
            password.
          </p>
          <CalendarAppsPanel email={me.data?.email} />
        </section>
        <section className="card account-section" aria-labelledby="tokens-heading">
          <h2 id="tokens-heading">API tokens</h2>
          <p className="muted">
            Tokens let scripts and apps use the SweetDate API as you: send <code>Authorization: Bearer &lt;token&gt;</code>. See the{" "}
            <a href="/docs">API reference</a>.
          </p>
          <TokensPanel />
        </section>
        {status.data?.admin ? (
          <section className="card account-section" aria-labelledby="admin-heading">
            <h2 id="admin-heading">Administration</h2>
            <p className="muted">You are this installation&apos;s admin.</p>
            <Link href="/admin">Manage sign-ups and invitations</Link>
          </section>
        ) : null}
        <section className="card account-section" aria-labelledby="session-heading">
          <h2 id="session-heading">Session</h2>
          <button type="button" className="button" onClick={() => signOut.mutate(undefined, { onSettled: () => fullLoad("/sign-in") })} disabled={signOut.isPending}>
            Sign out of this browser
          </button>
        </section>
      </main>
    </div>
  );
}
