// The SweetDate vocabulary of route documentation (the `doc` of each handler's contract): answers,
// headers, and the body schemas the document shows where the contract parses more (create requires
// some fields). lib/api/openapi/sweetdate.ts builds the dialect's part of the document from them.
import { z } from "zod";
import type { HeaderSpec, ResponseSpec } from "../openapi/types.ts";
import * as ex from "../openapi/sweetdate-examples.ts";
import * as wire from "./schemas.ts";

// Create takes the update schema with its required fields marked (the handler reports them as "can't be blank").
export const EventCreateInput = wire.EventInput.required({ title: true, starts_at: true, ends_at: true }).meta({ id: "EventCreateInput", description: "EventInput with title, starts_at and ends_at required" });
export const CalendarCreateInput = wire.CalendarInput.required({ name: true }).meta({ id: "CalendarCreateInput", description: "CalendarInput with name required" });
export const OpenApiJson = z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.record(z.string(), z.unknown()) }).describe("This document");

export const LOCATION: Record<string, HeaderSpec> = { Location: { description: "URL of the new resource" } };
export const ETAG: Record<string, HeaderSpec> = { ETag: { description: 'The event\'s `sequence` in quotes, e.g. "3"; send it back as If-Match' } };
export const IF_MATCH = { "If-Match": { description: 'The ETag you read ("3"): the change fails with 412 if the event changed since' } };

/** A successful answer: its wire schema and an example. */
export const answer = (schema: z.ZodType, example: unknown, description = "OK", headers?: Record<string, HeaderSpec>): ResponseSpec => ({ description, schema, example, ...(headers ? { headers } : {}) });
/** `{ "status": "ok" }` and nothing else. */
export const done: ResponseSpec = { description: "Done", schema: wire.Ok, example: ex.ok };
