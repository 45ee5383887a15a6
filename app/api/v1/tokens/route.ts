// GET /api/v1/tokens – list API tokens · POST – create one (secret shown once)
export { listTokens as GET, createToken as POST } from "@/lib/api/sweetdate/account.ts";
