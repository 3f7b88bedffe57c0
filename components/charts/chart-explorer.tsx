"use client";
// Values on hover and on keyboard focus, for every chart on the page, in one
// small island. Each drawing a chart's box offers says where its buckets lie
// (`data-bands`, see chartImageMarkup in chart-figure.tsx), and its image
// carries the chart's numbers (a `<metadata>` of tab-separated lines, the
// header row first), so the page does not: the explorer reads them from the
// image the browser already holds. The highlight is drawn over the image.
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { bucketSummary, type BucketsIn } from "@/components/charts/bucket-summary";

/** Where a tip goes: its top at `y`, and its start, centre or end at `x`. */
type Tip = { text: string; x: number; y: number; align: "start" | "center" | "end" };
// Room enough for a tip of three lines.
const TIP_ROOM = 88;
/** Where a chart's buckets lie, in its drawing's units (`width` × `height`). */
type Bands = { left: number; step: number; count: number; top: number; bottom: number; width: number; height: number };

/** The bands of the drawing the chart shows: its first `<source>` whose media query holds, else its `<img>`'s, as the browser chose. */
function bandsOf(chart: HTMLElement): Bands {
  const sources = [...chart.querySelectorAll("source")];
  const shown = sources.find((source) => window.matchMedia(source.media).matches) ?? chart.querySelector("img");
  const [left = 0, step = 1, count = 0, top = 0, bottom = 0, width = 1, height = 1] = (shown?.dataset.bands ?? "").split(" ").map(Number);
  return { left, step, count, top, bottom, width, height };
}

function chartAt(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>(".chart[role=img]") : null;
}

type Numbers = { head: string[]; rows: string[][] };

const numbersByImage = new Map<string, Promise<Numbers | null>>();

/** A chart's numbers, read once per image from its document (the browser's cached copy). */
function numbersOf(chart: HTMLElement): Promise<Numbers | null> {
  const image = chart.querySelector("img");
  const src = image?.currentSrc || image?.src;
  if (!src) return Promise.resolve(null);
  let numbers = numbersByImage.get(src);
  if (!numbers) {
    numbers = fetch(src)
      .then((response) => (response.ok ? response.text() : ""))
      .then((svg) => {
        const text = new DOMParser().parseFromString(svg, "image/svg+xml").querySelector("metadata")?.textContent;
        if (!text) return null;
        const [head = [], ...rows] = text.split("\n").map((line) => line.split("\t"));
        return { head, rows };
      })
      .catch(() => {
        numbersByImage.delete(src);
        return null;
      });
    numbersByImage.set(src, numbers);
  }
  return numbers;
}

/** The bucket's values in words, from the chart's numbers. */
async function describe(chart: HTMLElement, index: number): Promise<string> {
  const numbers = await numbersOf(chart);
  const bucketsIn = (chart.closest("figure")?.dataset.buckets as BucketsIn | undefined) ?? "rows";
  return numbers ? bucketSummary({ ...numbers, bucketsIn, index }) : "";
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
    // Each show or hide: a tip whose numbers arrive after the next one is dropped.
    let turn = 0;

    function hide() {
      turn += 1;
      shown?.querySelector<HTMLElement>(".hl")?.toggleAttribute("hidden", true);
      shown = null;
      setTip(null);
    }

    /**
     * Where the tip for a chart's bucket goes, in the viewport: under the
     * chart, over its summary (which says the same in words), so that the
     * legend and title above it stay in view; inside the chart's top when
     * the viewport ends too soon below it.
     */
    function placeOf(chart: HTMLElement, index: number): Omit<Tip, "text"> {
      const bands = bandsOf(chart);
      const box = chart.getBoundingClientRect();
      const scale = box.width / bands.width;
      const x = box.left + scale * (bands.left + (index + 0.5) * bands.step);
      const third = window.innerWidth / 3;
      const below = box.bottom + 8;
      return { x, y: below + TIP_ROOM < window.innerHeight ? below : box.top + scale * bands.top, align: x < third ? "start" : x > 2 * third ? "end" : "center" };
    }

    function show(chart: HTMLElement, index: number, keyboard: boolean) {
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
      const current = ++turn;
      void describe(chart, index).then((text) => {
        if (current !== turn) return;
        setTip({ text, ...placeOf(chart, index) });
        if (keyboard) setAnnouncement(text);
      });
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
      const chart = shown;
      if (chart) setTip((tip) => tip && { ...tip, ...placeOf(chart, shownIndex) });
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

  // A tip centred on a bar near a phone's edge would run past it: nudge it back inside the viewport.
  const tipElement = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => {
    const element = tipElement.current;
    if (!element) return;
    element.style.translate = "";
    const { left, right } = element.getBoundingClientRect();
    const margin = 8;
    element.style.translate = `${Math.max(0, margin - left) + Math.min(0, window.innerWidth - margin - right)}px`;
  }, [tip]);

  const shift = { start: "0%", center: "-50%", end: "-100%" };
  return (
    <>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {tip ? (
        <p
          ref={tipElement}
          data-chart-tip=""
          aria-hidden="true"
          className="pointer-events-none fixed z-50 w-max max-w-72 rounded-md border border-border bg-surface px-2.5 py-1.5 text-sm text-text shadow-lg"
          style={{ left: tip.x, top: tip.y, transform: `translateX(${shift[tip.align]})` }}
        >
          {tip.text}
        </p>
      ) : null}
    </>
  );
}
