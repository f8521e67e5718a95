import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "./env.server";

/** Outgoing mail over SMTP, configured by one URL (SMTP_URL). */
export interface Mail {
  to: string;
  subject: string;
  html: string;
  text: string;
}

let transport: Transporter | undefined;

function getTransport(): Transporter {
  const url = getEnv().SMTP_URL;
  if (!url) throw new Error("SMTP_URL is not set: e-mail cannot be sent");
  // Short timeouts: a hung SMTP server must not hold a request or the reconciler for minutes.
  transport ??= nodemailer.createTransport({
    url,
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 10_000,
  });
  return transport;
}

export async function sendMail(mail: Mail): Promise<void> {
  await getTransport().sendMail({ from: getEnv().MAIL_FROM, ...mail });
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
