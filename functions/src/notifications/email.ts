// A notification as an email in the Firebase Trigger Email extension's shape:
// a document in the configured mail collection with `toUids` (the extension
// looks the address up in users/{uid}.email) and `message.{subject, text, html}`.
// The extension sends it and writes `delivery.state`; Lently never sends mail itself.
import type { NotificationInput } from "./store";

export interface MailDocument {
  toUids: string[];
  message: { subject: string; text: string; html: string };
  /** Ours, beside the extension's fields: whose and which notification (deletion finds it by userId). */
  userId: string;
  notificationId: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function notificationMail(uid: string, notificationId: string, n: Pick<NotificationInput, "title" | "body">): MailDocument {
  return {
    toUids: [uid],
    message: {
      subject: n.title,
      text: `${n.body}\n\nYou get this email because alert emails are on in your Lently settings.`,
      html:
        `<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;color:#1f2328">` +
        `<h2 style="font-size:18px">${escapeHtml(n.title)}</h2><p>${escapeHtml(n.body)}</p>` +
        `<p style="color:#656d76;font-size:12px">You get this email because alert emails are on in your Lently settings.</p></body></html>`,
    },
    userId: uid,
    notificationId,
  };
}
