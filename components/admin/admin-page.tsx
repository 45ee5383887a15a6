"use client";
import Link from "next/link";
import { useState } from "react";
import { ApiError, describeError } from "@/lib/client/request.ts";
import { useAuthStatus } from "@/lib/client/use-auth-status.ts";
import { useInstanceSettings, useUpdateSignUpMode } from "@/lib/client/use-instance-settings.ts";
import { useCreateInvitation, useInvitations, useRevokeInvitation } from "@/lib/client/use-invitations.ts";
import { AppHeader } from "@/components/ui/app-header.tsx";
import { Field, FormErrors } from "@/components/ui/field.tsx";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import { useToast } from "@/components/ui/toast.tsx";

const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });
const MODES = [
  { value: "open", label: "Open — anyone can create an account" },
  { value: "invite", label: "By invitation — only with an invitation link" },
  { value: "closed", label: "Closed — no sign-ups (accounts via the CLI)" },
] as const;

/** The instance admin's page: who may sign up, and invitation links. */
export function AdminPage() {
  const status = useAuthStatus();
  const isAdmin = status.data?.admin === true;
  const settings = useInstanceSettings(isAdmin);
  const updateMode = useUpdateSignUpMode();
  const invitations = useInvitations(isAdmin);
  const create = useCreateInvitation();
  const revoke = useRevokeInvitation();
  const toast = useToast();
  const [email, setEmail] = useState("");
  const [days, setDays] = useState("14");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [link, setLink] = useState<string | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setErrors({});
    setGeneral([]);
    try {
      const made = await create.mutateAsync({ ...(email.trim() ? { email: email.trim() } : {}), expires_in_days: Number(days) });
      setLink(made.url ?? null);
      setEmail("");
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length) setErrors(error.fields);
      else setGeneral([describeError(error)]);
    }
  }

  if (status.data && !isAdmin) {
    return (
      <div className="app-shell">
        <AppHeader userName={status.data.user?.name} />
        <main id="main" className="account-main">
          <h1>Administration</h1>
          <p>Only the instance admin (the installation&apos;s first account) can manage sign-ups.</p>
          <p>
            <Link href="/calendar">← Back to the calendar</Link>
          </p>
        </main>
      </div>
    );
  }

  return (
    <div className="app-shell">
      <AppHeader userName={status.data?.user?.name} />
      <main id="main" className="account-main">
        <p>
          <Link href="/calendar">← Back to the calendar</Link>
        </p>
        <h1>Administration</h1>
        <section className="card account-section" aria-labelledby="sign-up-heading">
          <h2 id="sign-up-heading">Who may sign up</h2>
          {settings.data ? (
            <>
              <Field label="Sign-up" hint={settings.data.sign_up_pinned ? "Set by SIGNUP_MODE in the server's environment." : undefined}>
                <select
                  value={settings.data.sign_up}
                  disabled={settings.data.sign_up_pinned || updateMode.isPending}
                  onChange={(e) =>
                    updateMode.mutate(e.target.value as (typeof MODES)[number]["value"], {
                      onSuccess: (s) => toast(`Sign-up is now ${s.sign_up}`, "success"),
                      onError: (error) => toast(describeError(error), "error"),
                    })
                  }
                >
                  {MODES.map((m) => (
                    <option key={m.value} value={m.value}>
                      {m.label}
                    </option>
                  ))}
                </select>
              </Field>
            </>
          ) : (
            <Skeleton width="100%" height="3rem" />
          )}
        </section>
        <section className="card account-section" aria-labelledby="invitations-heading">
          <h2 id="invitations-heading">Invitations</h2>
          <form onSubmit={submit} noValidate className="token-form">
            <FormErrors errors={general} />
            <Field label="Email (optional)" errors={errors.email} hint="Only this address may use the invitation; leave empty for anyone with the link.">
              <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
            </Field>
            <Field label="Valid for (days)" errors={errors.expires_in_days}>
              <input type="number" min={1} max={365} value={days} onChange={(e) => setDays(e.target.value)} />
            </Field>
            <button type="submit" className="button button-primary" disabled={create.isPending}>
              {create.isPending ? "Creating…" : "Create invitation"}
            </button>
          </form>
          {link ? (
            <div className="secret-box" role="status">
              <p>
                <strong>Invitation link.</strong> Send it to the person you invite — it is shown only once and works once.
              </p>
              <label htmlFor="new-invitation-link" className="sr-only">
                Invitation link
              </label>
              <input id="new-invitation-link" className="secret" readOnly value={link} onFocus={(e) => e.currentTarget.select()} data-testid="invitation-link" />
            </div>
          ) : null}
          {invitations.data ? (
            invitations.data.length ? (
              <ul className="token-list" aria-label="Invitations">
                {invitations.data.map((i) => (
                  <li key={i.id} className="token-row">
                    <span>
                      <strong>{i.email ?? "Anyone with the link"}</strong> · {i.state} · expires {dateTime.format(new Date(i.expires_at))}
                    </span>
                    {i.state === "open" ? (
                      <button type="button" className="button button-small button-danger-quiet" aria-label={`Revoke the invitation for ${i.email ?? "anyone with the link"}`} disabled={revoke.isPending} onClick={() => revoke.mutate(i.id, { onError: (error) => toast(describeError(error), "error") })}>
                        Revoke
                      </button>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">No invitations yet.</p>
            )
          ) : (
            <Skeleton width="100%" height="4rem" />
          )}
        </section>
      </main>
    </div>
  );
}
