export function Skeleton({ width, height = "1rem", className }: { width?: string; height?: string; className?: string }) {
  return <span className={`skeleton${className ? ` ${className}` : ""}`} style={{ width, height }} aria-hidden="true" />;
}

/** The calendar's placeholder while the first data arrives. */
export function CalendarSkeleton() {
  return (
    <div className="calendar-skeleton" role="status" aria-label="Loading calendar">
      <div className="calendar-skeleton-toolbar">
        <Skeleton width="9rem" height="2rem" />
        <Skeleton width="12rem" height="1.75rem" />
        <Skeleton width="14rem" height="2rem" />
      </div>
      <div className="calendar-skeleton-grid">
        {Array.from({ length: 35 }, (_, i) => (
          <Skeleton key={i} height="100%" />
        ))}
      </div>
    </div>
  );
}
