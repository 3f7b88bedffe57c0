"use client";

import { useEffect, useState } from "react";
import type { ExternalToast } from "sonner";

// Toasts are sonner's, but sonner (its code and its styles, which it injects
// from script) is about 12 kB of gzipped JavaScript that every page would load
// for a toast most pages never show. So the page holds only <Toasts />, an
// empty placeholder, and the first toast loads sonner, mounts its Toaster and
// then shows itself.

type Sonner = typeof import("sonner");

let sonner: Promise<Sonner> | null = null;
/** The mounted placeholder's way to show the Toaster; null until it mounts. */
let mountToaster: ((module: Sonner) => void) | null = null;
let loadedBeforeMount: Sonner | null = null;
let toasterReady: (() => void) | null = null;

function loadToaster(): Promise<Sonner> {
  sonner ??= import("sonner").then(
    (module) =>
      new Promise<Sonner>((resolve) => {
        // A toast published before the Toaster subscribes would be lost: wait until it has.
        toasterReady = () => resolve(module);
        if (mountToaster) mountToaster(module);
        else loadedBeforeMount = module;
      }),
  );
  return sonner;
}

function show(publish: (toast: Sonner["toast"]) => void): void {
  loadToaster().then(
    ({ toast }) => publish(toast),
    () => {
      // Its script did not load (the network dropped): the next toast tries again.
      sonner = null;
    },
  );
}

/** sonner's `toast`, as the app uses it: a message, a success, an error. */
export const toast = Object.assign((message: string, options?: ExternalToast) => show((sonnerToast) => sonnerToast(message, options)), {
  success: (message: string) => show((sonnerToast) => sonnerToast.success(message)),
  error: (message: string) => show((sonnerToast) => sonnerToast.error(message)),
});

/** Where toasts appear (once in the root layout): nothing until the first toast. */
export function Toasts() {
  const [module, setModule] = useState<Sonner | null>(loadedBeforeMount);
  useEffect(() => {
    mountToaster = setModule;
    return () => {
      mountToaster = null;
    };
  }, []);
  // Effects run children first: the Toaster has subscribed by now.
  useEffect(() => {
    if (module) toasterReady?.();
  }, [module]);
  return module ? <module.Toaster position="bottom-right" theme="system" closeButton /> : null;
}
