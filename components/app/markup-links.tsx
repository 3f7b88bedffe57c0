"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Lists built as markup (decision records 034 and 037) carry plain links, not
 * next/link. One listener for the whole shell follows a plain click on such a
 * link inside the app with the router, as next/link would, instead of loading
 * the page again; without JavaScript they stay ordinary links.
 */
export function MarkupLinks() {
  const router = useRouter();
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>("[data-markup] a[href]") : null;
      if (!link || link.target || link.hasAttribute("download") || link.origin !== window.location.origin) return;
      event.preventDefault();
      router.push(link.pathname + link.search + link.hash);
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, [router]);
  return null;
}
