import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SearchForm } from "@/components/search/search-form";
import { SearchResultsList, SearchTips } from "@/components/search/search-results";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { fieldErrorsOf } from "@/lib/shared/forms";
import { requireViewer } from "@/lib/server/viewer";
import { searchEverything } from "@/lib/search";
import { searchParamsSchema } from "@/lib/search.validation";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const parsed = searchParamsSchema.safeParse(await searchParams);
  return { title: parsed.success && parsed.data.q ? `Search: ${parsed.data.q}` : "Search" };
}

export default async function SearchPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  const params = await searchParams;
  const parsed = searchParamsSchema.safeParse(params);

  if (!parsed.success) {
    // Only a hand-made link gets here (the box stops at the limit): show what was sent, and why it was not searched.
    const typed = Array.isArray(params.q) ? params.q[0] : params.q;
    return (
      <SearchPageFrame>
        <SearchForm q={typed ?? ""} error={fieldErrorsOf(parsed.error).q?.[0]} />
      </SearchPageFrame>
    );
  }

  const { q, kind } = parsed.data;
  const results = q ? await searchEverything(viewer, { q, kind }) : null;
  return (
    <SearchPageFrame>
      <SearchForm q={q} />
      {!results ? (
        <EmptyState title="Search everything you have logged">
          <p className="mb-2">Weeks (highlights and reflections), touchpoints, stakeholders and vision notes, all in one place.</p>
          <SearchTips />
        </EmptyState>
      ) : results.total === 0 ? (
        <EmptyState title={`Nothing matches “${q}”`}>
          <SearchTips />
        </EmptyState>
      ) : (
        <SearchResultsList results={results} q={q} kind={kind} />
      )}
    </SearchPageFrame>
  );
}

function SearchPageFrame({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="Search" />
      {children}
    </div>
  );
}
