import Link from "next/link";

/** The wordmark; a link home, or (`href` null) plain, where a page offers no way into the app. */
export function Brand({ href = "/" }: { href?: string | null }) {
  const content = (
    <>
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6 text-accent" fill="none" stroke="currentColor" strokeWidth="2">
        <circle cx="12" cy="12" r="9" />
        <circle cx="12" cy="12" r="2.5" />
        <path d="M12 3v6.5M12 14.5V21M3 12h6.5M14.5 12H21M5.6 5.6l4.6 4.6M13.8 13.8l4.6 4.6M18.4 5.6l-4.6 4.6M10.2 13.8l-4.6 4.6" />
      </svg>
      Wheelhouse
    </>
  );
  const className = "inline-flex items-center gap-2 text-base font-semibold tracking-tight";
  return href === null ? (
    <span className={className}>{content}</span>
  ) : (
    <Link href={href} className={className}>
      {content}
    </Link>
  );
}
