import type { NextConfig } from "next";
// Validates the environment at start-up and build time.
import { isDevelopment } from "./lib/config/env";
import { MAX_POST_BYTES, PROXY_BODY_BYTES } from "./lib/config/post-limits";

const nextConfig: NextConfig = {
  // Development-only routes live in `page.dev.tsx` files and do not exist in production builds.
  pageExtensions: isDevelopment ? ["dev.tsx", "tsx", "ts"] : ["tsx", "ts"],
  poweredByHeader: false,
  // proxy.ts sees requests as they came, RSC headers included, so it can refuse
  // a router state Next would fail on with a 500 (lib/config/request-guard.ts).
  // We have no Pages Router, whose /_next/data addresses this would leave raw.
  skipProxyUrlNormalize: true,
  serverExternalPackages: ["nodemailer", "pg"],
  // An account export (Settings → Your data) or a calendar file (/calendar) of up to 20 MB, and the form around it,
  // whole in the action and in proxy.ts (which reads a form post's body: lib/config/request-guard.ts). Larger posts
  // never reach either: proxy.ts answers them by their Content-Length, or by counting a body streamed without one.
  experimental: { serverActions: { bodySizeLimit: MAX_POST_BYTES }, proxyClientMaxBodySize: PROXY_BODY_BYTES },
};

export default nextConfig;
