"use client";
import { useEffect } from "react";

const MARGIN = 8;

/** Moves and sizes an open popover so all of it is inside the viewport (scrolling inside if need be). */
export function fitOnScreen(popover: HTMLElement): void {
  const viewportHeight = window.innerHeight;
  const viewportWidth = document.documentElement.clientWidth;
  popover.style.maxHeight = `${viewportHeight - 2 * MARGIN}px`;
  popover.style.maxWidth = `${viewportWidth - 2 * MARGIN}px`;
  popover.style.overflowY = "auto";
  const rect = popover.getBoundingClientRect();
  const down = Math.max(0, MARGIN - rect.top);
  const up = Math.max(0, rect.bottom - (viewportHeight - MARGIN));
  const left = Math.max(0, rect.right - (viewportWidth - MARGIN)) - Math.max(0, MARGIN - rect.left);
  if (up || down) popover.style.top = `${parseFloat(getComputedStyle(popover).top) - up + down}px`;
  if (left) popover.style.left = `${parseFloat(getComputedStyle(popover).left) - left}px`;
}

/**
 * FullCalendar places the "+N more" popover under its day cell and clamps it sideways only: near
 * the bottom of the screen (the last week, a phone) it ran off. It renders the popover straight
 * into <body>, so watching body's own children (not the subtree) is enough and cheap.
 */
export function usePopoverOnScreen(className: string) {
  useEffect(() => {
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node instanceof HTMLElement && node.classList.contains(className)) requestAnimationFrame(() => fitOnScreen(node));
        }
      }
    });
    observer.observe(document.body, { childList: true });
    return () => observer.disconnect();
  }, [className]);
}
