import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Toasts } from "@/components/ui/toast";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Wheelhouse", template: "%s · Wheelhouse" },
  description: "A weekly practice for engineering leaders moving from firefighting to strategy.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f7f7f5" },
    { media: "(prefers-color-scheme: dark)", color: "#111214" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: each response carries its own CSP nonce,
  // which a prerendered page could not.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh bg-bg text-text antialiased">
        {children}
        <Toasts />
      </body>
    </html>
  );
}
