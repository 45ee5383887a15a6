"use client";
import { useEffect } from "react";

// The app's error boundary: a readable message and a way back, never a blank page.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.warn("SweetDate page error", error.digest ?? "", error.message);
  }, [error]);
  return (
    <main id="main" className="center-page">
      <div className="card error-card" role="alert">
        <h1>Something went wrong</h1>
        <p>The page hit an unexpected error. Your calendars and events are safe on the server.</p>
        {error.digest ? <p className="muted">Reference: {error.digest}</p> : null}
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={reset}>
            Try again
          </button>
          <a className="button" href="/calendar">
            Back to the calendar
          </a>
        </div>
      </div>
    </main>
  );
}
