"use client";
import { useState } from "react";
import { ApiError, describeError } from "@/lib/client/request.ts";
import { useCreateToken } from "@/lib/client/use-create-token.ts";
import { useRevokeToken } from "@/lib/client/use-revoke-token.ts";
import { useTokens } from "@/lib/client/use-tokens.ts";
import { ConfirmDialog } from "@/components/ui/confirm-dialog.tsx";
import { Field, FormErrors } from "@/components/ui/field.tsx";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import { SecretBox } from "@/components/ui/secret-box.tsx";
import { useToast } from "@/components/ui/toast.tsx";

const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

/** Create (secret shown once, with a copy button), list (last used) and revoke API tokens. */
export function TokensPanel() {
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const toast = useToast();
  const [name, setName] = useState("");
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [revoking, setRevoking] = useState<{ id: string; name: string } | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setErrors({});
    setGeneral([]);
    try {
      const token = await create.mutateAsync(name.trim() || "API token");
      setSecret({ name: token.name, token: token.token ?? "" });
      setName("");
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length) setErrors(error.fields);
      else setGeneral([describeError(error)]);
    }
  }

  return (
    <div className="stack">
      <form onSubmit={submit} noValidate className="token-form">
        <FormErrors errors={general} />
        <Field label="Token name" errors={errors.name} hint="What will use it, e.g. “CI sync” or “phone widget”.">
          <input type="text" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />
        </Field>
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create token"}
        </button>
      </form>

      {secret ? (
        <SecretBox
          id="new-token-secret"
          label="New token secret"
          what="Token"
          secret={secret.token}
          testId="token-secret"
          intro={
            <>
              <strong>Your new token “{secret.name}”.</strong> Copy it now — it is shown only once.
            </>
          }
          doneLabel="I have saved it"
          onDone={() => setSecret(null)}
        />
      ) : null}

      {tokens.isPending ? (
        <Skeleton width="100%" height="4rem" />
      ) : tokens.isError ? (
        <p role="alert">Could not load your tokens: {describeError(tokens.error)}</p>
      ) : tokens.data.length === 0 ? (
        <p className="empty-state empty-state-small">You have no API tokens yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="tokens-table">
            <caption className="sr-only">Your API tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Token</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((t) => (
                <tr key={t.id}>
                  <td data-label="Name">{t.name}</td>
                  <td data-label="Token">
                    <code>{t.prefix}…</code>
                  </td>
                  <td data-label="Created">{dateTime.format(new Date(t.inserted_at))}</td>
                  <td data-label="Last used">{t.last_used_at ? dateTime.format(new Date(t.last_used_at)) : "Never"}</td>
                  <td className="token-actions">
                    <button type="button" className="button button-small button-danger-quiet" aria-label={`Revoke token ${t.name}`} onClick={() => setRevoking({ id: t.id, name: t.name })}>
                      Revoke
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <ConfirmDialog
        open={revoking !== null}
        title="Revoke token"
        message={`Revoke “${revoking?.name ?? ""}”? Anything using it stops working at once.`}
        confirmLabel="Revoke"
        destructive
        busy={revoke.isPending}
        onConfirm={() => {
          const target = revoking;
          setRevoking(null);
          if (target)
            revoke.mutate(target.id, {
              onSuccess: () => toast(`Token “${target.name}” revoked`, "success"),
              onError: (error) => toast(`Could not revoke: ${describeError(error)}`, "error"),
            });
        }}
        onCancel={() => setRevoking(null)}
      />
    </div>
  );
}
