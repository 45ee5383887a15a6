import type { ReactNode } from "react";

export const metadata = { title: "SweetDate", description: "A self-hostable team calendar" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
