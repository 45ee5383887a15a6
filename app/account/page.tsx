import { AccountPage } from "@/components/account/account-page.tsx";

export default function Page() {
  return <AccountPage />;
}
