import { describe, expect, it } from "vitest";
import { feedAddressHint, feedAddressSchema, MAX_FEED_ADDRESS, normalizeFeedAddress } from "@/lib/calendar/feeds.validation";

const GOOGLE = "https://calendar.google.com/calendar/ical/ada%40example.com/private-0f1e2d3c4b5a69788796a5b4c3d2e1f0/basic.ics";
const ICLOUD = "webcal://p52-caldav.icloud.com/published/2/MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwsecretZ9x";
const OUTLOOK = "https://outlook.office365.com/owa/calendar/6f1d2c3b4a59@example.com/a1b2c3d4e5f60718293a4b5c6d7e8f90/calendar.ics";

const parse = (address: unknown) => feedAddressSchema.safeParse({ address });
const messageOf = (address: unknown) => {
  const result = parse(address);
  return result.success ? null : result.error.issues[0]!.message;
};

describe("a calendar feed's address", () => {
  it("takes https:// and webcal:// addresses, webcal read as https, without the fragment", () => {
    expect(parse(` ${GOOGLE} `).data?.address).toBe(GOOGLE);
    expect(parse(ICLOUD).data?.address).toBe(ICLOUD.replace("webcal://", "https://"));
    expect(parse("WEBCAL://cal.example.com/feed.ics#today").data?.address).toBe("https://cal.example.com/feed.ics");
    expect(normalizeFeedAddress("webcal://x.example/a")).toBe("https://x.example/a");
  });

  it("says at the field what to paste instead", () => {
    const paste = "Paste your calendar's secret address: it starts with https:// or webcal://.";
    for (const address of ["", "   ", "calendar.google.com/basic.ics", "ftp://cal.example.com/a.ics", "javascript:alert(1)", "file:///etc/passwd", "https://", 42, undefined]) {
      expect(messageOf(address), String(address)).toBe(paste);
    }
    expect(messageOf("https://ada:hunter2@cal.example.com/a.ics")).toMatch(/Leave the name and password out/);
    expect(messageOf(`https://cal.example.com/${"a".repeat(MAX_FEED_ADDRESS)}`)).toMatch(/longer than 2,048 characters/);
  });

  it("is shown by its host and the last 4 characters of its secret part, never the rest", () => {
    expect(feedAddressHint(GOOGLE)).toBe("calendar.google.com …e1f0");
    expect(feedAddressHint(ICLOUD)).toBe("p52-caldav.icloud.com …tZ9x");
    expect(feedAddressHint(OUTLOOK)).toBe("outlook.office365.com …8f90");
    // Too short a secret to spare any of it.
    expect(feedAddressHint("https://cal.example.com/a/b.ics")).toBe("cal.example.com");
    expect(feedAddressHint("not an address")).toBe("calendar feed");
    for (const address of [GOOGLE, ICLOUD, OUTLOOK]) {
      const secret = new URL(normalizeFeedAddress(address)).pathname.split("/").find((part) => part.length > 20)!;
      expect(feedAddressHint(address)).not.toContain(secret.slice(0, 8));
    }
  });
});
