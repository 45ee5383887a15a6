import { AdminPage } from "@/components/admin/admin-page.tsx";

export default function Page() {
  return <AdminPage />;
}
