"use client";
// Values on hover and on keyboard focus, for every chart on the page, in one
// small island. A chart's box says where its buckets lie in its drawing
// (`data-bands`, see chartImageMarkup in chart-figure.tsx) and its figure
// carries the numbers as tab-separated text (`data-table`), the header row
// first. The highlight is drawn over the chart's image, in the box.
import { useEffect, useRef, useState } from "react";
import { bucketSummary, type BucketsIn } from "@/components/charts/bucket-summary";

type Tip = { text: string; x: number; y: number; align: "start" | "center" | "end" };
/** Where a chart's buckets lie, in its drawing's units (`width` × `height`). */
type Bands = { left: number; step: number; count: number; top: number; bottom: number; width: number; height: number };

function bandsOf(chart: HTMLElement): Bands {
  const [left = 0, step = 1, count = 0, top = 0, bottom = 0, width = 1, height = 1] = (chart.dataset.bands ?? "").split(" ").map(Number);
  return { left, step, count, top, bottom, width, height };
}

function chartAt(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>(".chart[data-bands]") : null;
}

/** The bucket's values from the numbers of the figure the chart is in. */
function describe(chart: HTMLElement, index: number): string {
  const figure = chart.closest("figure");
  if (!figure?.dataset.table) return "";
  const [head = [], ...rows] = figure.dataset.table.split("\n").map((line) => line.split("\t"));
  return bucketSummary({ head, rows, bucketsIn: (figure.dataset.buckets as BucketsIn | undefined) ?? "rows", index });
}

export function ChartExplorer() {
  const [tip, setTip] = useState<Tip | null>(null);
  const [announcement, setAnnouncement] = useState("");
  // The bucket each chart was last read at by keyboard.
  const positions = useRef(new WeakMap<HTMLElement, number>());

  useEffect(() => {
    let shown: HTMLElement | null = null;
    // A tip the keyboard opened stays while its chart has focus; one the pointer opened follows the pointer.
    let byKeyboard = false;
    let shownIndex = 0;

    function hide() {
      shown?.querySelector<HTMLElement>(".hl")?.toggleAttribute("hidden", true);
      shown = null;
      setTip(null);
    }

    function show(chart: HTMLElement, index: number, keyboard: boolean, announce = keyboard) {
      const bands = bandsOf(chart);
      if (bands.count === 0) return;
      if (shown && shown !== chart) hide();
      shown = chart;
      byKeyboard = keyboard;
      shownIndex = index;
      const highlight = chart.querySelector<HTMLElement>(".hl");
      if (highlight) {
        const percent = (value: number, of: number) => `${(100 * value) / of}%`;
        highlight.style.left = percent(bands.left + index * bands.step, bands.width);
        highlight.style.width = percent(bands.step, bands.width);
        highlight.style.top = percent(bands.top, bands.height);
        highlight.style.height = percent(bands.bottom - bands.top, bands.height);
        highlight.hidden = false;
      }
      const text = describe(chart, index);
      const box = chart.getBoundingClientRect();
      const scale = box.width / bands.width;
      const x = box.left + scale * (bands.left + (index + 0.5) * bands.step);
      const third = window.innerWidth / 3;
      setTip({ text, x, y: box.top + scale * bands.top, align: x < third ? "start" : x > 2 * third ? "end" : "center" });
      if (announce) setAnnouncement(text);
    }

    function onPointerMove(event: PointerEvent) {
      const chart = chartAt(event.target);
      const bands = chart ? bandsOf(chart) : null;
      const box = chart?.getBoundingClientRect();
      const index = bands && box ? Math.floor(((event.clientX - box.left) * (bands.width / box.width) - bands.left) / bands.step) : -1;
      if (chart && bands && index >= 0 && index < bands.count) show(chart, index, false);
      else if (shown && !byKeyboard) hide();
    }

    function onFocusIn(event: FocusEvent) {
      const chart = chartAt(event.target);
      if (chart) show(chart, positions.current.get(chart) ?? bandsOf(chart).count - 1, true);
    }

    function onFocusOut(event: FocusEvent) {
      if (chartAt(event.target) === shown) hide();
    }

    function onKeyDown(event: KeyboardEvent) {
      const chart = chartAt(event.target);
      if (!chart) return;
      if (event.key === "Escape") {
        hide();
        return;
      }
      const last = bandsOf(chart).count - 1;
      const current = positions.current.get(chart) ?? last;
      const next = { ArrowLeft: current - 1, ArrowRight: current + 1, Home: 0, End: last }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      const index = Math.min(last, Math.max(0, next));
      positions.current.set(chart, index);
      show(chart, index, true);
    }

    // A tap on a touch screen moves no pointer: it shows the tapped bar too.
    document.addEventListener("pointerdown", onPointerMove);
    document.addEventListener("pointermove", onPointerMove);
    document.addEventListener("focusin", onFocusIn);
    document.addEventListener("focusout", onFocusOut);
    document.addEventListener("keydown", onKeyDown);
    // The tip is placed in the viewport: follow its chart when the page scrolls (focusing a chart scrolls it into view).
    function onScroll() {
      if (shown) show(shown, shownIndex, byKeyboard, false);
    }

    window.addEventListener("scroll", onScroll, { passive: true });
    // A chart focused before this island loaded.
    const focused = chartAt(document.activeElement);
    if (focused) show(focused, bandsOf(focused).count - 1, true);
    return () => {
      document.removeEventListener("pointerdown", onPointerMove);
      document.removeEventListener("pointermove", onPointerMove);
      document.removeEventListener("focusin", onFocusIn);
      document.removeEventListener("focusout", onFocusOut);
      document.removeEventListener("keydown", onKeyDown);
      window.removeEventListener("scroll", onScroll);
    };
  }, []);

  const shift = { start: "0%", center: "-50%", end: "-100%" };
  return (
    <>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {tip ? (
        <p
          data-chart-tip=""
          aria-hidden="true"
          className="pointer-events-none fixed z-50 max-w-72 rounded-md border border-border bg-surface px-2.5 py-1.5 text-sm text-text shadow-lg"
          style={{ left: tip.x, top: tip.y - 8, transform: `translate(${shift[tip.align]}, -100%)` }}
        >
          {tip.text}
        </p>
      ) : null}
    </>
  );
}
