"use client";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { ApiError, describeError } from "@/lib/client/request.ts";
import { useAuthStatus } from "@/lib/client/use-auth-status.ts";
import { useSignIn } from "@/lib/client/use-sign-in.ts";
import { useSignUp } from "@/lib/client/use-sign-up.ts";
import { browserTimeZone } from "@/lib/client/zoned-time.ts";
import { Field, FormErrors } from "@/components/ui/field.tsx";
import { ThemeToggle } from "@/components/ui/theme-toggle.tsx";
import { fullLoad } from "@/lib/client/full-load.ts";

/** Only same-site paths: `?next=` must not send anyone elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/calendar";
}

/** Sign in or sign up. On an empty installation sign-in forwards to sign-up, which invites the first user. */
export function AuthForm({ mode }: { mode: "sign-in" | "sign-up" }) {
  const router = useRouter();
  const params = useSearchParams();
  const next = safeNext(params.get("next"));
  const invitation = params.get("invitation") ?? undefined;
  const status = useAuthStatus();
  const signIn = useSignIn();
  const signUp = useSignUp();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const firstRun = status.data?.has_users === false;
  const leaving = useRef(false);

  useEffect(() => {
    if (leaving.current) return;
    if (status.data?.user) router.replace(next);
    else if (mode === "sign-in" && status.data?.has_users === false) router.replace("/sign-up");
  }, [status.data, mode, next, router]);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setErrors({});
    setGeneral([]);
    leaving.current = true; // from here the submit, not the status check, decides where to go
    try {
      if (mode === "sign-in") await signIn.mutateAsync({ email, password });
      else await signUp.mutateAsync({ email, password, ...(name.trim() ? { name: name.trim() } : {}), time_zone: browserTimeZone(), ...(invitation ? { invitation } : {}) });
      // A full load, so the server-rendered pages see the new session cookie.
      fullLoad(next);
    } catch (error) {
      leaving.current = false;
      if (error instanceof ApiError && Object.keys(error.fields).length) setErrors(error.fields);
      else setGeneral([describeError(error)]);
    }
  }

  const pending = signIn.isPending || signUp.isPending;
  const heading = mode === "sign-in" ? "Sign in to SweetDate" : firstRun ? "Welcome to SweetDate" : "Create your SweetDate account";
  return (
    <main id="main" className="center-page auth-page">
      <div className="auth-theme">
        <ThemeToggle />
      </div>
      <div className="card auth-card">
        <p className="brand brand-large" aria-hidden="true">
          <span className="brand-mark">◆</span> SweetDate
        </p>
        <h1>{heading}</h1>
        {mode === "sign-up" && firstRun ? (
          <p className="first-run" data-testid="first-run">
            This installation has no accounts yet. Create the first one to get started — you can invite your team afterwards.
          </p>
        ) : null}
        {mode === "sign-up" && !firstRun && status.data?.sign_up === "invite" ? (
          <p className="first-run" data-testid="sign-up-mode">
            {invitation ? "You have been invited: create your account below." : "Accounts on this installation are by invitation. Ask its admin for an invitation link."}
          </p>
        ) : null}
        {mode === "sign-up" && status.data?.sign_up === "closed" ? (
          <p className="first-run" data-testid="sign-up-mode">
            This installation does not take new sign-ups. Ask its admin for an account.
          </p>
        ) : null}
        <form onSubmit={submit} noValidate className="auth-form">
          <FormErrors errors={general} />
          {mode === "sign-up" ? (
            <Field label="Name" errors={errors.name}>
              <input type="text" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
            </Field>
          ) : null}
          <Field label="Email" errors={errors.email}>
            <input type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} autoFocus />
          </Field>
          <Field label="Password" errors={errors.password} hint={mode === "sign-up" ? "At least 8 characters." : undefined}>
            <input type="password" autoComplete={mode === "sign-in" ? "current-password" : "new-password"} required value={password} onChange={(e) => setPassword(e.target.value)} />
          </Field>
          {mode === "sign-up" && errors.time_zone ? <FormErrors errors={errors.time_zone.map((m) => `Time zone ${m}`)} /> : null}
          <button type="submit" className="button button-primary button-block" disabled={pending}>
            {pending ? "Please wait…" : mode === "sign-in" ? "Sign in" : "Create account"}
          </button>
        </form>
        <p className="auth-switch">
          {mode === "sign-in" ? (
            <>
              New here? <Link href={`/sign-up${next !== "/calendar" ? `?next=${encodeURIComponent(next)}` : ""}`}>Create an account</Link>
            </>
          ) : (
            <>
              Already have an account? <Link href="/sign-in">Sign in</Link>
            </>
          )}
        </p>
      </div>
    </main>
  );
}
