import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/app/auth-card";

export const metadata: Metadata = { title: "Check your email" };

export default function CheckEmailPage() {
  return (
    <AuthCard title="Check your email">
      <p>If that address can sign in, a link is on its way. It works once and expires in 10 minutes.</p>
      <p className="mt-3 text-muted">
        Nothing arrived? Check your spam folder, or{" "}
        <Link href="/signin" className="text-accent underline">
          ask for a new link
        </Link>
        .
      </p>
    </AuthCard>
  );
}
