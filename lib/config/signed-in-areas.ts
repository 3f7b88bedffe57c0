// The app's signed-in areas: the top folders of app/(app) that hold a page.
// proxy.ts sends a visitor without a session cookie to sign in before any of
// them renders, and marks their answers `private, no-store`. Only an early
// redirect and a header: every page and action checks the session through lib/.
// tests/unit/signed-in-areas.test.ts holds this list to the folders.
export const SIGNED_IN_AREAS = [
  "/bench-baseline",
  "/calendar",
  "/dashboard",
  "/mentees",
  "/mentors",
  "/notes",
  "/notifications",
  "/search",
  "/settings",
  "/stakeholders",
  "/story",
  "/touchpoints",
  "/weeks",
] as const;

export function isSignedInArea(pathname: string): boolean {
  return SIGNED_IN_AREAS.some((area) => pathname === area || pathname.startsWith(`${area}/`));
}
