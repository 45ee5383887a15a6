"use client";
import { useMemo, type SelectHTMLAttributes } from "react";
import { timeZones } from "@/lib/client/zoned-time.ts";

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, "value" | "onChange"> & {
  value: string;
  onChange: (zone: string) => void;
};

/** A select of the IANA zones this browser knows (the current value always included). Other
 * props (id, aria-* from <Field>, disabled) go to the <select>. */
export function TimeZoneSelect({ value, onChange, ...rest }: Props) {
  const zones = useMemo(() => timeZones(value), [value]);
  return (
    <select {...rest} value={value} onChange={(e) => onChange(e.target.value)}>
      {zones.map((z) => (
        <option key={z} value={z}>
          {z.replace(/_/g, " ")}
        </option>
      ))}
    </select>
  );
}
