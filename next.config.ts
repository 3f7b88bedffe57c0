import type { NextConfig } from "next";
// Validates the environment at start-up and build time.
import { isDevelopment } from "./lib/env";

const nextConfig: NextConfig = {
  // Development-only routes live in `page.dev.tsx` files and do not exist in production builds.
  pageExtensions: isDevelopment ? ["dev.tsx", "tsx", "ts"] : ["tsx", "ts"],
  poweredByHeader: false,
  serverExternalPackages: ["nodemailer", "pg"],
};

export default nextConfig;
