// SweetDate admin CLI (non-interactive): npm run cli -- <command> [--flag value]
//   user:create  --email E --password P [--name N] [--time-zone Z]
//   token:create --email E [--name N]        prints the token as the last line of stdout
//   db:migrate                                apply pending migrations
//   db:seed [--if-empty]                      demo user, two calendars, a month of events
//   invite:create [--email E] [--days N] [--base-url U]   prints the sign-up link as the last line
//   signup:mode open|invite|closed            who may sign up through the web (docs/access.md)
import { parseArgs } from "node:util";
import { migrate } from "../lib/db/migrate.ts";
import { closeDb } from "../lib/db/client.ts";
import { AppError } from "../lib/domain/errors.ts";
import { createApiToken, findUserByEmail, signUp } from "../lib/services/accounts.ts";
import { seedDemo } from "./seed.ts";
import { isSignUpMode } from "../lib/domain/sign-up.ts";
import { createInvitation, setSignUpMode } from "../lib/services/invitations.ts";

const USAGE = `usage: npm run cli -- <command>
  user:create  --email E --password P [--name N] [--time-zone Z]
  token:create --email E [--name N]
  db:migrate
  db:seed [--if-empty]
  invite:create [--email E] [--days N] [--base-url U]
  signup:mode open|invite|closed`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      email: { type: "string" },
      password: { type: "string" },
      name: { type: "string" },
      "time-zone": { type: "string" },
      "if-empty": { type: "boolean" },
      days: { type: "string" },
      "base-url": { type: "string" },
    },
    strict: true,
    allowPositionals: true,
  });
  switch (command) {
    case "db:migrate": {
      const applied = await migrate();
      console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
      return 0;
    }
    case "user:create": {
      if (!values.email || !values.password) return usage("user:create needs --email and --password");
      await migrate();
      const user = await signUp({ email: values.email, password: values.password, name: values.name, timeZone: values["time-zone"] }, { operator: true });
      console.log(`created user ${user.email} (${user.uuid})`);
      return 0;
    }
    case "token:create": {
      if (!values.email) return usage("token:create needs --email");
      await migrate();
      const user = await findUserByEmail(values.email);
      if (!user) {
        console.error(`no user with email ${values.email}`);
        return 1;
      }
      const token = await createApiToken(user.id, values.name);
      console.error(`created token "${token.name}" for ${user.email}; it is shown only once:`);
      console.log(token.token);
      return 0;
    }
    case "invite:create": {
      await migrate();
      const days = values.days === undefined ? undefined : Number(values.days);
      const invitation = await createInvitation(null, { email: values.email, days });
      const base = (values["base-url"] ?? process.env.SWEETDATE_URL ?? "http://localhost:3000").replace(/\/+$/, "");
      console.error(`created an invitation${invitation.email ? ` for ${invitation.email}` : ""}, valid until ${invitation.expiresAt.toISOString()}; the link is shown only once:`);
      console.log(`${base}/sign-up?invitation=${encodeURIComponent(invitation.token)}`);
      return 0;
    }
    case "signup:mode": {
      const mode = positionals[0];
      if (!isSignUpMode(mode)) return usage("signup:mode needs one of: open, invite, closed");
      await migrate();
      const setting = await setSignUpMode(null, mode);
      console.log(`sign-up mode: ${setting.mode}`);
      return 0;
    }
    case "db:seed": {
      await migrate();
      console.log(await seedDemo({ ifEmpty: values["if-empty"] ?? false }));
      return 0;
    }
    default:
      return usage(command ? `unknown command: ${command}` : "no command given");
  }
}

function usage(problem: string): number {
  console.error(`${problem}\n${USAGE}`);
  return 2;
}

main(process.argv.slice(2))
  .then(async (code) => {
    await closeDb();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    if (error instanceof AppError) {
      const fields = error.fields ? " " + Object.entries(error.fields).map(([f, m]) => `${f} ${m.join(", ")}`).join("; ") : "";
      console.error(`error: ${error.message}${fields}`);
    } else {
      console.error(error instanceof Error ? `error: ${error.message}` : error);
    }
    await closeDb();
    process.exit(1);
  });
