import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * The sandbox's mail catcher: an SMTP server that accepts every message and keeps it in memory,
 * a French page listing them (with each message's HTML), and a JSON API the tests read.
 *   GET /api/messages[?to=address]   newest last
 *   DELETE /api/messages             forget everything
 */
export interface CaughtMessage {
  id: number;
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

export interface MailCatcher {
  /** smtp://host:port, for the storefront's SMTP_URL. */
  smtpUrl: string;
  /** The web page and the API. */
  url: string;
  messages(): CaughtMessage[];
  close(): Promise<void>;
}

const MAX_MESSAGES = 500;

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((entry) => entry.value.map((address) => (address.address ?? "").toLowerCase())).filter(Boolean);
}

const escape = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function page(messages: CaughtMessage[]): string {
  const items = [...messages]
    .reverse()
    .map(
      (message) => `<article style="border:1px solid #cbd5e1;border-radius:12px;padding:12px;margin:12px 0">
<p style="margin:0;color:#475569;font-size:13px">${escape(new Date(message.receivedAt).toLocaleString("fr-FR"))} · de ${escape(message.from)} · à ${escape(message.to.join(", "))}</p>
<h2 style="font-size:17px;margin:6px 0">${escape(message.subject)}</h2>
<details><summary>Voir le message</summary>
<iframe sandbox="" style="width:100%;height:480px;border:0;background:#fff" srcdoc="${escape(message.html || `<pre>${escape(message.text)}</pre>`)}"></iframe>
<pre style="white-space:pre-wrap">${escape(message.text)}</pre></details></article>`,
    )
    .join("");
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Boîte de réception du bac à sable</title></head><body style="font-family:system-ui,sans-serif;max-width:760px;margin:auto;padding:16px">
<h1>Boîte de réception du bac à sable</h1>
<p>Les e-mails envoyés par la boutique arrivent ici au lieu de partir sur Internet. ${messages.length} message(s).</p>
${items || "<p>Aucun message pour le moment.</p>"}</body></html>`;
}

function send(res: ServerResponse, status: number, body: string, type: string) {
  res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" });
  res.end(body);
}

export async function startMailCatcher({
  smtpPort = 0,
  httpPort = 0,
  host = "127.0.0.1",
}: { smtpPort?: number; httpPort?: number; host?: string } = {}): Promise<MailCatcher> {
  const stored: CaughtMessage[] = [];
  let nextId = 1;

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(_auth, _session, callback) {
      callback(null, { user: "sandbox" });
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          stored.push({
            id: nextId++,
            receivedAt: new Date().toISOString(),
            from: addresses(parsed.from)[0] ?? "",
            to: addresses(parsed.to),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
          });
          if (stored.length > MAX_MESSAGES) stored.shift();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once("error", reject);
    smtp.listen(smtpPort, host, () => resolve());
  });
  smtp.on("error", (error) => console.error(`mail catcher: ${error.message}`));

  const http = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://mail.invalid");
    if (url.pathname === "/api/messages") {
      if (req.method === "DELETE") {
        stored.length = 0;
        return send(res, 200, JSON.stringify({ ok: true }), "application/json");
      }
      if (req.method !== "GET") return send(res, 405, JSON.stringify({ error: "GET or DELETE" }), "application/json");
      const to = url.searchParams.get("to")?.toLowerCase();
      const list = to ? stored.filter((message) => message.to.includes(to)) : stored;
      return send(res, 200, JSON.stringify(list), "application/json");
    }
    if (url.pathname === "/" && req.method === "GET") return send(res, 200, page(stored), "text/html; charset=utf-8");
    send(res, 404, "Page introuvable", "text/plain; charset=utf-8");
  });
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(httpPort, host, () => resolve());
  });

  const smtpAddress = smtp.server.address() as AddressInfo;
  const httpAddress = http.address() as AddressInfo;
  return {
    smtpUrl: `smtp://${host}:${smtpAddress.port}`,
    url: `http://${host}:${httpAddress.port}`,
    messages: () => [...stored],
    close: async () => {
      http.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolve) => http.close(() => resolve())),
        new Promise<void>((resolve) => smtp.close(() => resolve())),
      ]);
    },
  };
}
