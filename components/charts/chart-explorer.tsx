"use client";
// Values on hover and on keyboard focus, for every chart on the page, in one
// small island. A chart's SVG says where its buckets lie (`data-bands`, see
// chartOpen in axes.ts) and its figure carries the numbers as tab-separated
// text (`data-table`, see chartFigure), the header row first.
import { useEffect, useRef, useState } from "react";
import { bucketSummary, type BucketsIn } from "@/components/charts/bucket-summary";

type Tip = { text: string; x: number; y: number; align: "start" | "center" | "end" };
type Bands = { left: number; step: number; count: number; top: number; bottom: number };

function bandsOf(svg: SVGSVGElement): Bands {
  const [left = 0, step = 1, count = 0, top = 0, bottom = 0] = (svg.dataset.bands ?? "").split(" ").map(Number);
  return { left, step, count, top, bottom };
}

function chartAt(target: EventTarget | null): SVGSVGElement | null {
  return target instanceof Element ? target.closest<SVGSVGElement>("svg.chart[data-bands]") : null;
}

/** The bucket's values from the numbers of the figure the chart is in. */
function describe(svg: SVGSVGElement, index: number): string {
  const figure = svg.closest("figure");
  if (!figure?.dataset.table) return "";
  const [head = [], ...rows] = figure.dataset.table.split("\n").map((line) => line.split("\t"));
  return bucketSummary({ head, rows, bucketsIn: (figure.dataset.buckets as BucketsIn | undefined) ?? "rows", index });
}

export function ChartExplorer() {
  const [tip, setTip] = useState<Tip | null>(null);
  const [announcement, setAnnouncement] = useState("");
  // The bucket each chart was last read at by keyboard.
  const positions = useRef(new WeakMap<SVGSVGElement, number>());

  useEffect(() => {
    let shown: SVGSVGElement | null = null;
    // A tip the keyboard opened stays while its chart has focus; one the pointer opened follows the pointer.
    let byKeyboard = false;
    let shownIndex = 0;

    function hide() {
      shown?.querySelector(".hl")?.setAttribute("visibility", "hidden");
      shown = null;
      setTip(null);
    }

    function show(svg: SVGSVGElement, index: number, keyboard: boolean, announce = keyboard) {
      const bands = bandsOf(svg);
      const matrix = svg.getScreenCTM();
      if (!matrix || bands.count === 0) return;
      if (shown && shown !== svg) hide();
      shown = svg;
      byKeyboard = keyboard;
      shownIndex = index;
      const highlight = svg.querySelector(".hl");
      highlight?.setAttribute("x", String(bands.left + index * bands.step));
      highlight?.setAttribute("width", String(bands.step));
      highlight?.setAttribute("visibility", "visible");
      const text = describe(svg, index);
      const x = matrix.a * (bands.left + (index + 0.5) * bands.step) + matrix.e;
      const third = window.innerWidth / 3;
      setTip({ text, x, y: matrix.d * bands.top + matrix.f, align: x < third ? "start" : x > 2 * third ? "end" : "center" });
      if (announce) setAnnouncement(text);
    }

    function onPointerMove(event: PointerEvent) {
      const svg = chartAt(event.target);
      const matrix = svg?.getScreenCTM();
      const bands = svg ? bandsOf(svg) : null;
      const index = svg && matrix && bands ? Math.floor(((event.clientX - matrix.e) / matrix.a - bands.left) / bands.step) : -1;
      if (svg && bands && index >= 0 && index < bands.count) show(svg, index, false);
      else if (shown && !byKeyboard) hide();
    }

    function onFocusIn(event: FocusEvent) {
      const svg = chartAt(event.target);
      if (svg) show(svg, positions.current.get(svg) ?? bandsOf(svg).count - 1, true);
    }

    function onFocusOut(event: FocusEvent) {
      if (chartAt(event.target) === shown) hide();
    }

    function onKeyDown(event: KeyboardEvent) {
      const svg = chartAt(event.target);
      if (!svg) return;
      if (event.key === "Escape") {
        hide();
        return;
      }
      const last = bandsOf(svg).count - 1;
      const current = positions.current.get(svg) ?? last;
      const next = { ArrowLeft: current - 1, ArrowRight: current + 1, Home: 0, End: last }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      const index = Math.min(last, Math.max(0, next));
      positions.current.set(svg, index);
      show(svg, index, true);
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
