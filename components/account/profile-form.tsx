"use client";
import { useState } from "react";
import type { User } from "@/lib/api/sweetdate/schemas.ts";
import { ApiError, describeError } from "@/lib/client/request.ts";
import { useUpdateMe } from "@/lib/client/use-update-me.ts";
import { browserTimeZone } from "@/lib/client/zoned-time.ts";
import { Field, FormErrors } from "@/components/ui/field.tsx";
import { useToast } from "@/components/ui/toast.tsx";
import { TimeZoneSelect } from "@/components/ui/time-zone-select.tsx";

export function ProfileForm({ user }: { user: User }) {
  const [name, setName] = useState(user.name);
  const [timeZone, setTimeZone] = useState(user.time_zone);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const update = useUpdateMe();
  const toast = useToast();
  const detected = browserTimeZone();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setErrors({});
    setGeneral([]);
    try {
      await update.mutateAsync({ name, time_zone: timeZone });
      toast("Profile saved", "success");
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length) setErrors(error.fields);
      else setGeneral([describeError(error)]);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="stack">
      <FormErrors errors={general} />
      <Field label="Name" errors={errors.name}>
        <input type="text" value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
      </Field>
      <Field
        label="Time zone"
        errors={errors.time_zone}
        hint={
          detected !== timeZone ? (
            <>
              This browser is in {detected}.{" "}
              <button type="button" className="link-button" onClick={() => setTimeZone(detected)}>
                Use {detected}
              </button>
            </>
          ) : (
            "The calendar shows times in this zone."
          )
        }
      >
        <TimeZoneSelect value={timeZone} onChange={setTimeZone} />
      </Field>
      <div>
        <button type="submit" className="button button-primary" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save profile"}
        </button>
      </div>
    </form>
  );
}
