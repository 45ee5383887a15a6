"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import { useSignOut } from "@/lib/client/use-sign-out.ts";
import { ThemeToggle } from "./theme-toggle.tsx";
import { fullLoad } from "@/lib/client/full-load.ts";

/** The bar on every signed-in page: brand, page tools (search, new event), theme, account, sign out. */
export function AppHeader({ children, userName, onMenu }: { children?: ReactNode; userName?: string | undefined; onMenu?: () => void }) {
  const signOut = useSignOut();
  return (
    <header className="app-header">
      {onMenu ? (
        <button type="button" className="icon-button menu-button" aria-label="Show calendars" onClick={onMenu}>
          <span aria-hidden="true">☰</span>
        </button>
      ) : null}
      <Link href="/calendar" className="brand">
        <span className="brand-mark" aria-hidden="true">
          ◆
        </span>
        <span className="brand-name">SweetDate</span>
      </Link>
      <div className="header-tools">{children}</div>
      <div className="header-end">
        <ThemeToggle />
        <Link href="/account" className="header-link" aria-label={userName ? `Account (${userName})` : "Account"} title="Account and API tokens">
          <span aria-hidden="true" className="avatar">
            {(userName ?? "?").slice(0, 1).toUpperCase()}
          </span>
        </Link>
        <button
          type="button"
          className="button button-quiet button-small"
          onClick={() => signOut.mutate(undefined, { onSettled: () => fullLoad("/sign-in") })}
          disabled={signOut.isPending}
        >
          Sign out
        </button>
      </div>
    </header>
  );
}
