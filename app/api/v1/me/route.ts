// GET|PUT /api/v1/me – current user, profile (name, time zone)
export { me as GET, updateMe as PUT } from "@/lib/api/sweetdate/account.ts";
