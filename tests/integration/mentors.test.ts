import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { ExpectedError, NotFoundError } from "@/lib/server/errors";
import { addComment, deleteComment, editComment, getThread } from "@/lib/mentoring/comments";
import { db } from "@/lib/server/db";
import { stopJobs } from "@/lib/server/jobs";
import {
  endedAccessMessage,
  getEndedAccess,
  getMenteeAccess,
  getMenteeDashboard,
  getMenteeWeek,
  listEndedMentees,
  listMenteeWeeks,
  listMentees,
  markWeekReviewed,
} from "@/lib/mentoring/mentor-access";
import { hashInviteToken, INVITE_TTL_MS } from "@/lib/mentoring/mentorship-model";
import {
  acceptInvitation,
  cancelInvitation,
  describeInvitation,
  endMentorship,
  inviteMentor,
  leaveMentorship,
  listMentorships,
  resendInvitation,
  updateSharing,
} from "@/lib/mentoring/mentorships";
import { countUnreadNotifications, listNotifications, markAllNotificationsRead, sendCommentDigest } from "@/lib/mentoring/notifications";
import { SHARE_EVERYTHING, createInvitation, createMentor, emptyQueue, mentorshipRow, queuedDigests, queuedEmails, sentEmails, tokenFromEmail } from "../support/factories/mentors";
import { createUser } from "../support/factories/users";
import { createVisionNote } from "../support/factories/vision-notes";
import { createWeek } from "../support/factories/weeks";

const baseUrl = "https://wheelhouse.example.test";
const share = { shareReflections: true, shareStakeholders: false, shareNotes: false, shareStory: false };

beforeEach(emptyQueue);
afterAll(stopJobs);

describe("inviting a mentor", () => {
  it("queues an email whose single-use link is stored only as a hash and expires in 7 days", async () => {
    const ada = await createUser({ name: "Ada Leader" });
    const now = new Date();
    const { id } = await inviteMentor(ada.viewer, { email: "grace@example.test", message: "Would you <b>coach</b> me?", ...share }, { baseUrl, now });

    const [email, ...more] = await queuedEmails("grace@example.test");
    expect(more).toEqual([]);
    expect(email!.subject).toBe("Ada Leader invited you to mentor them on Wheelhouse");
    expect(email!.text).toContain(`${baseUrl}/invitations/`);
    expect(email!.text).toContain("Would you <b>coach</b> me?");
    expect(email!.html).toContain("Would you &lt;b&gt;coach&lt;/b&gt; me?");
    const token = tokenFromEmail(email!);
    const row = await mentorshipRow(id);
    expect(row).toMatchObject({ status: "PENDING", inviteEmail: "grace@example.test", mentorId: null, shareReflections: true, shareNotes: false, shareStory: false });
    expect(row.inviteTokenHash).toBe(hashInviteToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.inviteExpiresAt!.getTime() - now.getTime()).toBe(INVITE_TTL_MS);
    expect((await listMentorships(ada.viewer, now)).map((m) => m.state)).toEqual(["pending"]);
  });

  it("refuses inviting yourself, or someone already invited or mentoring you", async () => {
    const ada = await createUser();
    await expect(inviteMentor(ada.viewer, { email: ada.email, message: null, ...share }, { baseUrl })).rejects.toThrow(ExpectedError);
    await inviteMentor(ada.viewer, { email: "grace@example.test", message: null, ...share }, { baseUrl });
    await expect(inviteMentor(ada.viewer, { email: "grace@example.test", message: null, ...share }, { baseUrl })).rejects.toThrow(/already invited/);
    const mentor = await createMentor(ada);
    await expect(inviteMentor(ada.viewer, { email: mentor.email, message: null, ...share }, { baseUrl })).rejects.toThrow(/already your mentor/);
  });

  it("allows 3 invitations a day to one address, from anyone, then says so", async () => {
    const address = "busy.mentor@example.test";
    for (let i = 0; i < 3; i++) {
      const leader = await createUser();
      await inviteMentor(leader.viewer, { email: address, message: null, ...share }, { baseUrl });
    }
    const fourth = await createUser();
    const refusal = inviteMentor(fourth.viewer, { email: address, message: null, ...share }, { baseUrl });
    await expect(refusal).rejects.toThrow(ExpectedError);
    await expect(refusal).rejects.toThrow(/3 invitations today/);
    expect(await db.mentorship.count({ where: { menteeId: fourth.id } })).toBe(0);
    expect(await queuedEmails(address)).toHaveLength(3);
  });

  it("allows a leader 20 invitations a day, then says so", async () => {
    const ada = await createUser();
    for (let i = 0; i < 20; i++) await inviteMentor(ada.viewer, { email: `mentor-${i}@example.test`, message: null, ...share }, { baseUrl });
    await expect(inviteMentor(ada.viewer, { email: "one-more@example.test", message: null, ...share }, { baseUrl })).rejects.toThrow(/most invitations allowed/);
    expect(await db.mentorship.count({ where: { menteeId: ada.id } })).toBe(20);
  });
});

describe("the invitation link", () => {
  it("is accepted by the invited address (any case), once", async () => {
    const ada = await createUser({ name: "Ada Leader" });
    const grace = await createUser({ email: "grace@example.test" });
    const { id, token } = await createInvitation(ada, { inviteEmail: "Grace@Example.test" });

    expect(await describeInvitation(token, null)).toMatchObject({ kind: "valid", leaderName: "Ada Leader", inviteEmail: "Grace@Example.test", viewerIsInvitee: null });
    expect(await acceptInvitation(grace.viewer, token)).toEqual({ kind: "accepted", menteeId: ada.id });
    expect(await mentorshipRow(id)).toMatchObject({ status: "ACCEPTED", mentorId: grace.id, inviteTokenHash: null });
    expect(await getMenteeAccess(grace.viewer, ada.id)).toMatchObject({ menteeId: ada.id, mentorshipId: id });

    // Used: the same answer as any dead link.
    expect(await acceptInvitation(grace.viewer, token)).toEqual({ kind: "invalid" });
    expect(await describeInvitation(token, grace.viewer)).toEqual({ kind: "invalid" });
  });

  it("tells another account which address it is for, and accepts nothing", async () => {
    const ada = await createUser();
    const other = await createUser({ email: "someone.else@example.test" });
    const { id, token } = await createInvitation(ada, { inviteEmail: "grace@example.test" });
    expect(await describeInvitation(token, other.viewer)).toMatchObject({ kind: "valid", viewerIsInvitee: false });
    expect(await acceptInvitation(other.viewer, token)).toEqual({ kind: "wrong-account", inviteEmail: "grace@example.test" });
    expect(await mentorshipRow(id)).toMatchObject({ status: "PENDING", mentorId: null });
    expect(await getMenteeAccess(other.viewer, ada.id)).toBeNull();
  });

  it("answers expired, cancelled, forged and replaced links the same way", async () => {
    const ada = await createUser();
    const grace = await createUser({ email: "grace@example.test" });
    const expired = await createInvitation(ada, { inviteEmail: grace.email, inviteExpiresAt: new Date(Date.now() - 1000) });
    const cancelled = await createInvitation(ada, { inviteEmail: grace.email });
    await cancelInvitation(ada.viewer, cancelled.id);
    const replaced = await createInvitation(ada, { inviteEmail: grace.email });
    await resendInvitation(ada.viewer, replaced.id, { baseUrl });
    const forged = [`${expired.token.slice(0, -2)}xx`, "not-a-token", "", "a".repeat(500)];

    for (const token of [expired.token, cancelled.token, replaced.token, ...forged]) {
      expect(await describeInvitation(token, null)).toEqual({ kind: "invalid" });
      expect(await describeInvitation(token, grace.viewer)).toEqual({ kind: "invalid" });
      expect(await acceptInvitation(grace.viewer, token)).toEqual({ kind: "invalid" });
    }
    expect(await getMenteeAccess(grace.viewer, ada.id)).toBeNull();
    expect((await listMentorships(ada.viewer)).map((m) => m.state).sort()).toEqual(["cancelled", "expired", "pending"]);

    // The resent link works.
    const [resent] = await queuedEmails(grace.email);
    expect(await acceptInvitation(grace.viewer, tokenFromEmail(resent!))).toEqual({ kind: "accepted", menteeId: ada.id });
  });
});

describe("mentoring", () => {
  it("shows the mentor their mentees with the latest week and the weeks not yet reviewed", async () => {
    const ada = await createUser({ name: "Ada" });
    const bo = await createUser({ name: "Bo" });
    const grace = await createUser();
    await createMentor(ada, {}, grace);
    await createMentor(bo, {}, grace);
    const now = new Date("2026-11-24T10:00:00Z");
    await createWeek(ada.viewer, { startsOn: "2026-11-16" });
    await createWeek(ada.viewer, { startsOn: "2026-11-09" });
    await markWeekReviewed(grace.viewer, ada.id, "2026-11-09");

    expect(await listMentees(grace.viewer, now)).toMatchObject([
      { name: "Ada", latestWeek: "2026-11-16", unreviewedWeeks: 1 },
      { name: "Bo", latestWeek: null, unreviewedWeeks: 0 },
    ]);
    expect(await listMentees(ada.viewer, now)).toEqual([]);
  });

  it("changes what the mentor sees from the next read on", async () => {
    const ada = await createUser();
    const grace = await createMentor(ada, { reflections: false });
    await createWeek(ada.viewer, { startsOn: "2026-11-16", reflectionStory: "Explained the outage in revenue terms.", ratingStory: 4 });

    expect((await getMenteeWeek(grace.viewer, ada.id, "2026-11-16"))!.week).toMatchObject({ strategyMinutes: 480, reflectionStory: null, ratingStory: null });
    await updateSharing(ada.viewer, grace.mentorshipId, { shareReflections: true, shareStakeholders: false, shareNotes: false, shareStory: false });
    expect((await getMenteeWeek(grace.viewer, ada.id, "2026-11-16"))!.week).toMatchObject({ reflectionStory: "Explained the outage in revenue terms.", ratingStory: 4 });
  });

  it("ends at once when the leader revokes, and when the mentor leaves", async () => {
    const ada = await createUser();
    const grace = await createMentor(ada, { reflections: true, stakeholders: true, notes: true, story: false });
    const alan = await createMentor(ada);
    await createWeek(ada.viewer, { startsOn: "2026-11-16" });
    expect(await getMenteeWeek(grace.viewer, ada.id, "2026-11-16")).not.toBeNull();

    await endMentorship(ada.viewer, grace.mentorshipId);
    expect(await getMenteeAccess(grace.viewer, ada.id)).toBeNull();
    expect(await getMenteeWeek(grace.viewer, ada.id, "2026-11-16")).toBeNull();
    expect(await getMenteeDashboard(grace.viewer, ada.id, "12w")).toBeNull();
    expect(await listMenteeWeeks(grace.viewer, ada.id)).toBeNull();
    expect(await listMentees(grace.viewer)).toEqual([]);
    expect((await listMentorships(ada.viewer)).find((m) => m.id === grace.mentorshipId)?.state).toBe("ended");

    await expect(leaveMentorship(ada.viewer, alan.mentorshipId)).rejects.toThrow(NotFoundError);
    await leaveMentorship(alan.viewer, alan.mentorshipId);
    expect(await getMenteeAccess(alan.viewer, ada.id)).toBeNull();
  });

  it("tells a mentor whose access ended who ended it and when, and nothing more", async () => {
    const ada = await createUser({ name: "Ada" });
    const grace = await createMentor(ada, SHARE_EVERYTHING);
    const alan = await createMentor(ada);
    await createWeek(ada.viewer, { startsOn: "2026-11-16" });
    expect(await getEndedAccess(grace.viewer, ada.id)).toBeNull();

    await endMentorship(ada.viewer, grace.mentorshipId, new Date("2026-12-03T23:30:00Z"));
    // The day in the mentor's own zone (Europe/Berlin): already 4 December.
    const ended = await getEndedAccess(grace.viewer, ada.id);
    expect(ended).toEqual({ menteeId: ada.id, name: "Ada", endedOn: "2026-12-04", byMentor: false });
    expect(endedAccessMessage(ended!)).toBe("Ada ended your access on 4 Dec 2026.");
    expect(await listEndedMentees(grace.viewer)).toEqual([ended]);
    await expect(markWeekReviewed(grace.viewer, ada.id, "2026-11-16")).rejects.toMatchObject({ name: "AccessEndedError", message: "Ada ended your access on 4 Dec 2026." });
    await expect(addComment(grace.viewer, { menteeId: ada.id, weekStartsOn: "2026-11-16" }, "Still here?", { baseUrl })).rejects.toThrow(
      "Ada ended your access on 4 Dec 2026.",
    );

    await leaveMentorship(alan.viewer, alan.mentorshipId, new Date("2026-12-01T12:00:00Z"));
    expect(endedAccessMessage((await getEndedAccess(alan.viewer, ada.id))!)).toBe("You stopped mentoring Ada on 1 Dec 2026.");
    // Someone who never mentored her, and a mentor invited again, are told nothing of the kind.
    expect(await getEndedAccess((await createUser()).viewer, ada.id)).toBeNull();
    await createMentor(ada, {}, grace);
    expect(await getEndedAccess(grace.viewer, ada.id)).toBeNull();
    expect(await listEndedMentees(grace.viewer)).toEqual([]);
  });

  it("lets one user mentor several leaders and a leader have several mentors", async () => {
    const [ada, bo] = [await createUser(), await createUser()];
    const grace = await createMentor(ada);
    await createMentor(bo, {}, grace);
    const alan = await createMentor(ada);
    expect(await getMenteeAccess(grace.viewer, ada.id)).not.toBeNull();
    expect(await getMenteeAccess(grace.viewer, bo.id)).not.toBeNull();
    expect(await getMenteeAccess(alan.viewer, ada.id)).not.toBeNull();
    expect((await listMentorships(ada.viewer)).filter((m) => m.state === "accepted")).toHaveLength(2);
  });
});

describe("review threads", () => {
  it("carries the conversation: mentor comments, the leader is notified and replies, the mentor is notified", async () => {
    const ada = await createUser({ name: "Ada" });
    const grace = await createMentor(ada);
    await createWeek(ada.viewer, { startsOn: "2026-11-16" });
    const week = { menteeId: ada.id, weekStartsOn: "2026-11-16" };

    const first = await addComment(grace.viewer, week, "Strong week for strategy.", { baseUrl });
    expect(await countUnreadNotifications(ada.viewer)).toBe(1);
    const adaInbox = await listNotifications(ada.viewer);
    expect(adaInbox.items).toMatchObject([{ author: "Morgan Mentor", body: "Strong week for strategy.", href: "/weeks/2026-11-16#comments", readAt: null }]);
    expect(await queuedDigests()).toMatchObject([{ recipientId: ada.id, authorId: grace.id, state: "created" }]);

    await addComment(ada.viewer, week, "Thanks, it took some pushing.", { baseUrl });
    expect((await listNotifications(grace.viewer)).items).toMatchObject([
      { author: "Ada", href: `/mentees/${ada.id}/weeks/2026-11-16#comments` },
    ]);

    const thread = await getThread(grace.viewer, week);
    expect(thread!.comments.map((c) => [c.author.name, c.author.isMentee, c.mine, c.body])).toEqual([
      ["Morgan Mentor", false, true, "Strong week for strategy."],
      ["Ada", true, false, "Thanks, it took some pushing."],
    ]);

    // Authors alone edit or delete.
    await expect(editComment(ada.viewer, first.id, "Rewritten")).rejects.toThrow(NotFoundError);
    await expect(deleteComment(ada.viewer, first.id)).rejects.toThrow(NotFoundError);
    await editComment(grace.viewer, first.id, "Strong week for strategy!");
    expect((await getThread(ada.viewer, week))!.comments[0]).toMatchObject({ body: "Strong week for strategy!", mine: false });
    expect((await getThread(ada.viewer, week))!.comments[0]!.editedAt).not.toBeNull();
    await deleteComment(grace.viewer, first.id);
    expect((await getThread(ada.viewer, week))!.comments).toHaveLength(1);
    expect(await countUnreadNotifications(ada.viewer)).toBe(0);
  });

  it("hides everything from a mentor whose access ended, notifications included", async () => {
    const ada = await createUser();
    const grace = await createMentor(ada);
    await createWeek(ada.viewer, { startsOn: "2026-11-16" });
    const week = { menteeId: ada.id, weekStartsOn: "2026-11-16" };
    const mine = await addComment(grace.viewer, week, "First thoughts", { baseUrl });
    await addComment(ada.viewer, week, "A reply", { baseUrl });
    expect(await countUnreadNotifications(grace.viewer)).toBe(1);

    await endMentorship(ada.viewer, grace.mentorshipId);
    expect(await getThread(grace.viewer, week)).toBeNull();
    expect(await listNotifications(grace.viewer)).toEqual({ unread: 0, items: [] });
    await expect(addComment(grace.viewer, week, "Still here?", { baseUrl })).rejects.toThrow(NotFoundError);
    await expect(editComment(grace.viewer, mine.id, "Edited after the end")).rejects.toThrow(NotFoundError);
    await expect(deleteComment(grace.viewer, mine.id)).rejects.toThrow(NotFoundError);
    // The leader keeps the thread as it was.
    expect((await getThread(ada.viewer, week))!.comments.map((c) => c.body)).toEqual(["First thoughts", "A reply"]);
  });

  it("keeps vision-note threads to mentors the notes are shared with, inbox included", async () => {
    const ada = await createUser();
    const grace = await createMentor(ada, { notes: true, story: false });
    const note = await createVisionNote(ada, { title: "Platform bet" });
    const ref = { menteeId: ada.id, noteId: note.id };
    await addComment(grace.viewer, ref, "Which team would own it?", { baseUrl });
    expect((await listNotifications(ada.viewer)).items).toMatchObject([{ on: "Vision note “Platform bet”", href: `/notes/${note.id}#comments` }]);
    await addComment(ada.viewer, ref, "Platform, from Q2.", { baseUrl });
    expect((await listNotifications(grace.viewer)).items).toMatchObject([{ href: `/mentees/${ada.id}/notes/${note.id}#comments` }]);

    await updateSharing(ada.viewer, grace.mentorshipId, { shareReflections: false, shareStakeholders: false, shareNotes: false, shareStory: false });
    expect(await getThread(grace.viewer, ref)).toBeNull();
    expect((await listNotifications(grace.viewer)).items).toEqual([]);
    await expect(addComment(grace.viewer, ref, "Still there?", { baseUrl })).rejects.toThrow(NotFoundError);
  });

  it("tells the leader when a mentor marks a week reviewed, once per week and mentor", async () => {
    const ada = await createUser({ name: "Ada" });
    const grace = await createMentor(ada);
    await createWeek(ada.viewer, { startsOn: "2026-11-16" });
    await markWeekReviewed(grace.viewer, ada.id, "2026-11-16");
    expect(await listNotifications(ada.viewer)).toMatchObject({
      unread: 1,
      items: [{ kind: "review", author: "Morgan Mentor", on: "Week of 16 Nov 2026", href: "/weeks/2026-11-16", readAt: null }],
    });
    await markAllNotificationsRead(ada.viewer);
    // Reviewed again: the same notification, unread again.
    await markWeekReviewed(grace.viewer, ada.id, "2026-11-16");
    expect((await listNotifications(ada.viewer)).items).toHaveLength(1);
    expect(await countUnreadNotifications(ada.viewer)).toBe(1);
    // Nobody else hears of it, and it sends no email.
    expect(await listNotifications(grace.viewer)).toEqual({ unread: 0, items: [] });
    expect(await sendCommentDigest({ recipientId: ada.id, authorId: grace.id, baseUrl })).toEqual({ emailed: 0 });
  });

  it("tells the leader whether anyone else reads a thread: an active mentor who sees it", async () => {
    const ada = await createUser();
    await createWeek(ada.viewer, { startsOn: "2026-11-16" });
    const note = await createVisionNote(ada, { title: "Platform bet" });
    const week = { menteeId: ada.id, weekStartsOn: "2026-11-16" };
    const noteRef = { menteeId: ada.id, noteId: note.id };
    expect((await getThread(ada.viewer, week))!.othersCanRead).toBe(false);

    const grace = await createMentor(ada, { notes: false, story: false });
    expect((await getThread(ada.viewer, week))!.othersCanRead).toBe(true);
    expect((await getThread(ada.viewer, noteRef))!.othersCanRead).toBe(false);
    expect((await getThread(grace.viewer, week))!.othersCanRead).toBe(true);

    await endMentorship(ada.viewer, grace.mentorshipId);
    expect((await getThread(ada.viewer, week))!.othersCanRead).toBe(false);
  });

  it("emails at most one digest an hour per mentor and leader, carrying every new comment", async () => {
    const ada = await createUser({ name: "Ada" });
    const grace = await createMentor(ada);
    await createWeek(ada.viewer, { startsOn: "2026-11-16" });
    await createWeek(ada.viewer, { startsOn: "2026-11-09" });
    await addComment(grace.viewer, { menteeId: ada.id, weekStartsOn: "2026-11-16" }, "Nice split <script>alert(1)</script>", { baseUrl });
    await addComment(grace.viewer, { menteeId: ada.id, weekStartsOn: "2026-11-09" }, "And this one", { baseUrl });
    // One waiting digest job for the pair, whatever the number of comments.
    expect(await queuedDigests()).toHaveLength(1);

    const t0 = new Date();
    expect(await sendCommentDigest({ recipientId: ada.id, authorId: grace.id, baseUrl }, t0)).toEqual({ emailed: 2 });
    const [digest, ...others] = await sentEmails(ada.email);
    expect(others).toEqual([]);
    expect(digest!.subject).toBe("Morgan Mentor left 2 comments on Wheelhouse");
    expect(digest!.text).toContain("Nice split <script>alert(1)</script>");
    expect(digest!.html).not.toContain("<script>");
    expect(digest!.text).toContain(`${baseUrl}/notifications`);

    // Nothing new: nothing sent.
    expect(await sendCommentDigest({ recipientId: ada.id, authorId: grace.id, baseUrl }, t0)).toEqual({ emailed: 0 });
    // A new comment within the hour waits for the hour to be up.
    await addComment(grace.viewer, { menteeId: ada.id, weekStartsOn: "2026-11-16" }, "One more", { baseUrl });
    const soon = new Date(t0.getTime() + 10 * 60_000);
    expect(await sendCommentDigest({ recipientId: ada.id, authorId: grace.id, baseUrl }, soon)).toEqual({ emailed: 0, retryInSeconds: 50 * 60 });
    expect(await sentEmails(ada.email)).toHaveLength(1);
    const later = new Date(t0.getTime() + 61 * 60_000);
    expect(await sendCommentDigest({ recipientId: ada.id, authorId: grace.id, baseUrl }, later)).toEqual({ emailed: 1 });
    expect(await sentEmails(ada.email)).toHaveLength(2);
  });

  it("writes a digest at the moment of sending, with nothing the leader stopped sharing since", async () => {
    const ada = await createUser({ name: "Ada" });
    const grace = await createMentor(ada, { notes: true, story: false });
    await createWeek(ada.viewer, { startsOn: "2026-11-16" });
    const note = await createVisionNote(ada, { title: "Secret platform bet" });
    await addComment(grace.viewer, { menteeId: ada.id, noteId: note.id }, "Who owns it?", { baseUrl });
    await addComment(grace.viewer, { menteeId: ada.id, weekStartsOn: "2026-11-16" }, "Good week?", { baseUrl });
    await addComment(ada.viewer, { menteeId: ada.id, noteId: note.id }, "The platform team owns the bet", { baseUrl });
    await addComment(ada.viewer, { menteeId: ada.id, weekStartsOn: "2026-11-16" }, "Yes, a calm one", { baseUrl });
    // Queued, not sent yet, when the leader stops sharing notes.
    expect(await queuedDigests()).toEqual(expect.arrayContaining([expect.objectContaining({ recipientId: grace.id, authorId: ada.id })]));
    await updateSharing(ada.viewer, grace.mentorshipId, { shareReflections: false, shareStakeholders: false, shareNotes: false, shareStory: false });

    expect(await sendCommentDigest({ recipientId: grace.id, authorId: ada.id, baseUrl })).toEqual({ emailed: 1 });
    const [digest, ...others] = await sentEmails(grace.email);
    expect(others).toEqual([]);
    expect(digest!.text).toContain("Yes, a calm one");
    for (const text of [digest!.text, digest!.html, digest!.subject]) {
      expect(text).not.toContain("Secret platform bet");
      expect(text).not.toContain("The platform team owns the bet");
    }

    // Once the mentorship has ended, nothing more of hers is sent.
    await addComment(ada.viewer, { menteeId: ada.id, weekStartsOn: "2026-11-16" }, "One more thing", { baseUrl });
    await endMentorship(ada.viewer, grace.mentorshipId);
    expect(await sendCommentDigest({ recipientId: grace.id, authorId: ada.id, baseUrl }, new Date(Date.now() + 2 * 3_600_000))).toEqual({ emailed: 0 });
    expect(await sentEmails(grace.email)).toHaveLength(1);
  });
});
