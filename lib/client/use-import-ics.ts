"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ErrorBody, ImportEnvelope, type ImportResult } from "@/lib/api/sweetdate/schemas.ts";
import { eventKeys } from "./query-keys.ts";
import { ApiError } from "./request.ts";

export interface ImportProgress {
  /** 0..1 of the upload; null once the server is working on it. */
  uploaded: number | null;
}

/** Uploads a .ics file (XMLHttpRequest: fetch cannot report upload progress) and parses the answer. */
export function uploadIcs(calendarId: string, file: Blob, onProgress: (p: ImportProgress) => void): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1/calendars/${encodeURIComponent(calendarId)}/import`);
    xhr.setRequestHeader("content-type", "text/calendar");
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (e) => onProgress({ uploaded: e.lengthComputable ? e.loaded / e.total : 0 });
    xhr.upload.onload = () => onProgress({ uploaded: null });
    xhr.onerror = () => reject(new ApiError(0, "NETWORK_ERROR", "The server could not be reached. Check your connection and try again."));
    xhr.onload = () => {
      let json: unknown = null;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON */
      }
      if (xhr.status !== 200) {
        const error = ErrorBody.safeParse(json);
        return reject(error.success ? new ApiError(xhr.status, error.data.error_code, error.data.message, error.data.fields ?? {}) : new ApiError(xhr.status, "INTERNAL_ERROR", `The server answered ${xhr.status}.`));
      }
      const parsed = ImportEnvelope.safeParse(json);
      if (parsed.success) resolve(parsed.data.import);
      else reject(new ApiError(xhr.status, "BAD_RESPONSE", "The server's answer was not understood."));
    };
    xhr.send(file);
  });
}

export function useImportIcs() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ calendarId, file, onProgress }: { calendarId: string; file: Blob; onProgress: (p: ImportProgress) => void }) => uploadIcs(calendarId, file, onProgress),
    onSettled: () => queryClient.invalidateQueries({ queryKey: eventKeys.all }),
  });
}
