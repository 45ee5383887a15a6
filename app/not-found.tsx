import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="center-page">
      <div className="card">
        <h1>Page not found</h1>
        <p>There is nothing at this address.</p>
        <Link className="button button-primary" href="/calendar">
          Go to the calendar
        </Link>
      </div>
    </main>
  );
}
