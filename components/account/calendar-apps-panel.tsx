"use client";
import { useState, useSyncExternalStore } from "react";
import { describeError } from "@/lib/client/request.ts";
import { useCreateToken } from "@/lib/client/use-create-token.ts";
import { Field, FormErrors } from "@/components/ui/field.tsx";
import { SecretBox, useCopy } from "@/components/ui/secret-box.tsx";

const APPS = [
  {
    id: "apple",
    name: "Apple Calendar (macOS, iPhone, iPad)",
    steps: ["Settings → Calendar → Accounts → Add Account → Other → Add CalDAV Account (on a Mac: Calendar → Add Account → Other CalDAV Account, Manual).", "Server: the server address below. User name: your email. Password: the app password."],
  },
  {
    id: "thunderbird",
    name: "Thunderbird",
    steps: ["Calendar → New Calendar → On the Network.", "Username: your email; Location: the CalDAV address below; then “Find Calendars” and enter the app password."],
  },
  {
    id: "davx5",
    name: "DAVx⁵ (Android)",
    steps: ["Add account → Login with URL and user name.", "Base URL: the CalDAV address below; user name: your email; password: the app password."],
  },
] as const;

const noSubscription = () => () => {};

/** How to connect calendar apps over CalDAV, with a button that makes an app password for a device. */
export function CalendarAppsPanel({ email }: { email: string | undefined }) {
  const create = useCreateToken();
  const { copy } = useCopy();
  const [device, setDevice] = useState("");
  const [errors, setErrors] = useState<string[]>([]);
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);
  // The address the browser reached us at is the one devices should use (known only in the browser).
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => "");
  const davUrl = `${origin}/dav/`;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setErrors([]);
    const label = device.trim();
    if (!label) {
      setErrors(["Name the device first, e.g. “Anna’s iPhone”."]);
      return;
    }
    try {
      const token = await create.mutateAsync(`Calendar app: ${label}`.slice(0, 100));
      setSecret({ name: token.name, token: token.token ?? "" });
      setDevice("");
    } catch (error) {
      setErrors([describeError(error)]);
    }
  }

  return (
    <div className="stack">
      <dl className="dav-settings">
        <dt>Server address</dt>
        <dd>
          <code data-testid="dav-server">{origin}</code>
        </dd>
        <dt>CalDAV address</dt>
        <dd className="secret-row">
          <code data-testid="dav-url">{davUrl}</code>
          <button type="button" className="button button-small" aria-label="Copy the CalDAV address" onClick={() => void copy(davUrl, "CalDAV address")}>
            Copy
          </button>
        </dd>
        <dt>User name</dt>
        <dd>
          <code>{email ?? "…"}</code>
        </dd>
        <dt>Password</dt>
        <dd>an app password made here (never your account password)</dd>
      </dl>

      <form onSubmit={submit} noValidate className="token-form">
        <FormErrors errors={errors} />
        <Field label="Device" hint="Each device gets its own app password, so you can revoke one without the others.">
          <input type="text" value={device} onChange={(e) => setDevice(e.target.value)} maxLength={80} placeholder="e.g. Anna’s iPhone" />
        </Field>
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create app password"}
        </button>
      </form>

      {secret ? (
        <SecretBox
          id="new-app-password"
          label="New app password"
          what="App password"
          secret={secret.token}
          testId="app-password"
          intro={
            <>
              <strong>App password for “{secret.name}”.</strong> Enter it in the app now — it is shown only once. It appears under API tokens below, where you can revoke it.
            </>
          }
          doneLabel="Done"
          onDone={() => setSecret(null)}
        />
      ) : null}

      {APPS.map((app) => (
        <details key={app.id} className="dav-app">
          <summary>{app.name}</summary>
          <ol>
            {app.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </details>
      ))}
    </div>
  );
}
