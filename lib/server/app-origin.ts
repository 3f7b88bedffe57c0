import "server-only";
import { env } from "@/lib/config/env";
import { appOrigin, currentHeaders, LOCAL_ORIGIN } from "@/lib/server/request-context";

/** The app's public origin for links in emails, in a request or outside one (the worker); see appOrigin. */
export async function appBaseUrl(): Promise<string> {
  return appOrigin(await currentHeaders(), env.AUTH_URL) ?? LOCAL_ORIGIN;
}
