// Renders a user's Markdown on the server only, so no Markdown code reaches the
// browser. Safe by construction: raw HTML is never parsed into elements (it
// shows as the text that was typed; we never add rehype-raw), react-markdown's
// default URL transform blanks javascript:, data: and other unsafe protocols,
// and images become links so a note never loads anything from elsewhere.
import "server-only";
import type { ReactNode } from "react";
import { LRUCache } from "lru-cache";
import Markdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { cn } from "@/components/ui/cn";
import { perProcess } from "@/lib/server/kept-until-changed";

// rel for every link out of a note: no window.opener, no referrer, no SEO credit.
export const MARKDOWN_LINK_REL = "noopener noreferrer nofollow";

function isExternal(href: string) {
  return /^(https?:)?\/\//i.test(href);
}

/** `appLinks` false: the page is outside the app (a shared story), so a link into the app shows as its words. */
function SafeLink({ href, title, appLinks, children }: { href: string | undefined; title?: string; appLinks: boolean; children: ReactNode }) {
  // The URL transform leaves "" for unsafe URLs: show the words, not a link.
  if (!href) return <span>{children}</span>;
  const external = isExternal(href);
  if (!external && !appLinks) return <span>{children}</span>;
  return (
    <a href={href} title={title} rel={MARKDOWN_LINK_REL} target={external ? "_blank" : undefined} className="text-accent underline underline-offset-2">
      {children}
      {external ? <span className="sr-only"> (opens in a new tab)</span> : null}
    </a>
  );
}

// A note sits under the page's own h1, so its headings start one level lower.
function componentsFor(appLinks: boolean): Components {
  return {
    h1: ({ children }) => <h2>{children}</h2>,
    h2: ({ children }) => <h3>{children}</h3>,
    h3: ({ children }) => <h4>{children}</h4>,
    h4: ({ children }) => <h5>{children}</h5>,
    h5: ({ children }) => <h6>{children}</h6>,
    a: ({ href, title, children }) => (
      <SafeLink href={href} title={title} appLinks={appLinks}>
        {children}
      </SafeLink>
    ),
    img: ({ src, alt }) => (
      <SafeLink href={typeof src === "string" ? src : undefined} appLinks={appLinks}>{`Image: ${alt || (typeof src === "string" ? src : "") || "untitled"}`}</SafeLink>
    ),
  };
}

const IN_APP = componentsFor(true);
const OUTSIDE_APP = componentsFor(false);

const prose = cn(
  "space-y-4 break-words leading-relaxed",
  "[&_h2]:mt-6 [&_h2]:text-xl [&_h2]:font-semibold [&_h3]:mt-5 [&_h3]:text-lg [&_h3]:font-semibold [&_h4]:font-semibold [&_h5]:font-semibold [&_h6]:font-semibold",
  "[&_ul]:list-disc [&_ul]:space-y-1 [&_ul]:pl-6 [&_ol]:list-decimal [&_ol]:space-y-1 [&_ol]:pl-6 [&_li>ul]:mt-1 [&_li>ol]:mt-1",
  "[&_.contains-task-list]:list-none [&_.contains-task-list]:pl-1 [&_input]:mr-2",
  "[&_blockquote]:border-l-4 [&_blockquote]:border-border-strong [&_blockquote]:pl-4 [&_blockquote]:text-muted",
  "[&_code]:rounded [&_code]:bg-surface-muted [&_code]:px-1 [&_code]:py-0.5 [&_code]:text-[0.9em]",
  "[&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:bg-surface-muted [&_pre]:p-4 [&_pre_code]:bg-transparent [&_pre_code]:p-0",
  "[&_table]:block [&_table]:overflow-x-auto [&_table]:border-collapse [&_td]:border [&_td]:border-border [&_td]:px-3 [&_td]:py-1.5 [&_th]:border [&_th]:border-border [&_th]:px-3 [&_th]:py-1.5 [&_th]:text-left [&_th]:font-semibold",
  "[&_hr]:border-border",
);

// Parsing Markdown costs a few milliseconds per page (a quarter's narrative: ~5 ms, more than the rest of
// its render), and the same text is rendered again and again until it is edited. What it renders to depends
// on the text and `appLinks` alone, so it is kept by them: a reader only ever gets the rendering of a text
// they were given. Bounded by the texts' length (~2 MB of text, their renderings a few times that).
const rendered = perProcess(
  "markdown",
  () => new LRUCache<string, ReturnType<typeof Markdown>>({ maxSize: 2_000_000, sizeCalculation: (_, key) => Math.max(key.length, 1) }),
);

function renderMarkdown(text: string, appLinks: boolean): ReturnType<typeof Markdown> {
  const key = `${appLinks ? "app" : "out"}\n${text}`;
  let node = rendered.get(key);
  if (node === undefined) {
    // react-markdown's Markdown is synchronous and uses no hooks: calling it gives the elements it renders to.
    node = Markdown({ children: text, remarkPlugins: [remarkGfm], components: appLinks ? IN_APP : OUTSIDE_APP });
    rendered.set(key, node);
  }
  return node;
}

export function MarkdownBody({ children, className, appLinks = true }: { children: string; className?: string; appLinks?: boolean }) {
  return <div className={cn(prose, className)}>{renderMarkdown(children, appLinks)}</div>;
}
