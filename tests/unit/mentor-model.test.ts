import { describe, expect, it } from "vitest";
import {
  INVITE_TTL_MS,
  createInviteToken,
  hashInviteToken,
  invitationState,
  inviteExpiry,
  isWellFormedInviteToken,
  mentorMayRead,
  sharingSummary,
  type MentorRowResource,
  type Share,
} from "@/lib/mentoring/mentorship-model";

describe("invitation tokens", () => {
  it("carries 256 random bits as 43 URL-safe characters, never the same twice", () => {
    const tokens = Array.from({ length: 200 }, createInviteToken);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, "base64url")).toHaveLength(32);
      expect(isWellFormedInviteToken(token)).toBe(true);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it("stores only a sha256 hash: hex, stable, and not the token", () => {
    const token = createInviteToken();
    const hash = hashInviteToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashInviteToken(token)).toBe(hash);
    expect(hash).not.toContain(token);
    expect(hashInviteToken(`${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`)).not.toBe(hash);
    // A known vector, so the hash function cannot silently change.
    expect(hashInviteToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("refuses forged shapes before any lookup", () => {
    for (const forged of ["", "abc", `${createInviteToken()}x`, "../../etc/passwd", "A".repeat(42) + "=", " ".repeat(43)]) {
      expect(isWellFormedInviteToken(forged)).toBe(false);
    }
  });
});

describe("invitation state", () => {
  const now = new Date("2026-11-24T10:00:00Z");

  it("is pending until the link expires 7 days after sending, then expired", () => {
    const sent = new Date("2026-11-17T10:00:01Z");
    expect(inviteExpiry(sent).getTime() - sent.getTime()).toBe(INVITE_TTL_MS);
    expect(invitationState({ status: "PENDING", inviteExpiresAt: inviteExpiry(sent) }, now)).toBe("pending");
    expect(invitationState({ status: "PENDING", inviteExpiresAt: new Date(now.getTime() + 1) }, now)).toBe("pending");
    expect(invitationState({ status: "PENDING", inviteExpiresAt: now }, now)).toBe("expired");
    expect(invitationState({ status: "PENDING", inviteExpiresAt: new Date("2026-11-24T09:59:59Z") }, now)).toBe("expired");
    expect(invitationState({ status: "PENDING", inviteExpiresAt: null }, now)).toBe("expired");
  });

  it("follows the stored status otherwise, whatever the expiry", () => {
    const later = new Date("2026-12-01T00:00:00Z");
    const earlier = new Date("2026-11-01T00:00:00Z");
    for (const inviteExpiresAt of [later, earlier, null]) {
      expect(invitationState({ status: "ACCEPTED", inviteExpiresAt }, now)).toBe("accepted");
      expect(invitationState({ status: "CANCELLED", inviteExpiresAt }, now)).toBe("cancelled");
      expect(invitationState({ status: "ENDED", inviteExpiresAt }, now)).toBe("ended");
    }
  });
});

describe("sharing rules", () => {
  const resources: MentorRowResource[] = ["dashboard", "week", "reflection", "touchpoint", "stakeholder", "visionNote"];
  const all = [false, true].flatMap((reflections) =>
    [false, true].flatMap((stakeholders) => [false, true].flatMap((notes) => [false, true].map((story): Share => ({ reflections, stakeholders, notes, story })))),
  );

  it("always shares the dashboard and the weeks' time split, and the rest only as chosen", () => {
    for (const share of all) {
      const readable = resources.filter((resource) => mentorMayRead(share, resource));
      const expected = [
        "dashboard",
        "week",
        ...(share.reflections ? ["reflection"] : []),
        ...(share.stakeholders ? ["touchpoint", "stakeholder"] : []),
        ...(share.notes ? ["visionNote"] : []),
      ];
      expect(readable).toEqual(expected);
    }
  });

  it("says what is shared in words", () => {
    expect(sharingSummary({ reflections: false, stakeholders: false, notes: false, story: false })).toBe("Time split and dashboard only");
    expect(sharingSummary({ reflections: true, stakeholders: false, notes: false, story: false })).toBe("Time split and dashboard, reflections and ratings");
    expect(sharingSummary({ reflections: true, stakeholders: true, notes: true, story: false })).toBe(
      "Time split and dashboard, reflections and ratings, stakeholders and touchpoints and vision notes",
    );
  });
});
