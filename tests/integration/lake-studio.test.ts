import https from "node:https";
import { type SanityClient } from "@sanity/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLake, type RunningLake } from "../../sandbox/lake/server";
import { token, tempDir, clientFor } from "../support/lake-sandbox";

describe("content lake: what the Studio sends", () => {
  let lake: RunningLake;
  let client: SanityClient;

  // The Studio's own endpoints (actions, listen) are served on the lake's HTTP/2 + TLS listener.
  async function studioPost(pathname: string, body: unknown): Promise<{ status: number; body: any }> {
    const url = new URL(pathname, lake.secureUrl!.replace("demo.localhost", "127.0.0.1"));
    return new Promise((resolve, reject) => {
      const request = https.request(
        url,
        {
          method: "POST",
          rejectUnauthorized: false,
          headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        },
        (response) => {
          let text = "";
          response.on("data", (chunk) => (text += chunk));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text || "null") }));
        },
      );
      request.on("error", reject);
      request.end(JSON.stringify(body));
    });
  }

  beforeAll(async () => {
    lake = await startLake({ port: 0, dataDir: await tempDir("studio"), token, secure: { port: 0 } });
    client = clientFor(lake.url, { token });
  });

  afterAll(async () => {
    await lake?.close();
  });

  it("answers the Studio's list search, `[@, _id] match text::query($__query)`", async () => {
    await client.createOrReplace({ _id: "promotion-noel", _type: "promotion", title: "Noël Ashtech" });
    await client.createOrReplace({ _id: "promotion-paques", _type: "promotion", title: "Pâques" });
    const list = `*[_type in $__types && ([@, _id] match text::query($__query) || references($__rawQuery)) && (_type == $type)]._id | order(@)`;
    // An empty search box sends "*": every document of the list.
    expect(
      await client.fetch(list, { __types: ["promotion"], __query: "*", __rawQuery: "", type: "promotion" }),
    ).toEqual(["promotion-noel", "promotion-paques"]);
    const scored = `*[_type in $__types] | score(boost(_type in ["promotion"] && title match text::query($__query), 10), ([@, _id] match text::query($__query) || references($__rawQuery)))[_score > 0]._id`;
    expect(await client.fetch(scored, { __types: ["promotion"], __query: "noë*", __rawQuery: "noë" })).toEqual([
      "promotion-noel",
    ]);
  });

  /** Server-sent events from the Studio's listen endpoint, parsed as they arrive. */
  async function listen(query: string, params: Record<string, unknown>) {
    const url = new URL(`/v2025-02-19/data/listen/production`, lake.secureUrl!.replace("demo.localhost", "127.0.0.1"));
    url.searchParams.set("query", query);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(`$${key}`, JSON.stringify(value));
    // What the Studio's document pair listener asks for.
    url.searchParams.set("includeResult", "false");
    url.searchParams.set("effectFormat", "mendoza");
    const events: { event: string; data: any }[] = [];
    let buffer = "";
    const request = https.get(
      url,
      { rejectUnauthorized: false, headers: { Authorization: `Bearer ${token}` } },
      (response) => {
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event && data) events.push({ event, data: JSON.parse(data) });
          }
        });
      },
    );
    await expect.poll(() => events.some(({ event }) => event === "welcome")).toBe(true);
    return {
      mutations: () => events.filter(({ event }) => event === "mutation").map(({ data }) => data),
      close: () => request.destroy(),
    };
  }

  it("tells a document pair's listener about a publish the way the hosted lake does: the draft's deletion carries the transaction as its resultRev", async () => {
    await client.createOrReplace({ _id: "drafts.page-listened", _type: "page", title: "Écoutée" });
    const draft = await client.getDocument("drafts.page-listened");
    const listener = await listen("*[_id in $ids]", { ids: ["page-listened", "drafts.page-listened"] });
    try {
      // A transaction that also touches a document outside the pair: the listener is told only of
      // the events it receives, or the Studio would wait forever for the rest of the transaction.
      await client
        .transaction()
        .patch("drafts.page-listened", { set: { title: "Écoutée, relue" } })
        .createOrReplace({ _id: "page-elsewhere", _type: "page", title: "Ailleurs" })
        .commit();
      await expect.poll(() => listener.mutations().length).toBe(1);
      const edited = listener.mutations()[0];
      expect(edited).toMatchObject({
        documentId: "drafts.page-listened",
        transition: "update",
        previousRev: draft!._rev,
        transactionTotalEvents: 1,
        transactionCurrentEvent: 1,
      });
      expect(edited.resultRev).toBe(edited.transactionId);

      const published = await studioPost("/v2025-02-19/data/actions/production", {
        actions: [
          {
            actionType: "sanity.action.document.publish",
            draftId: "drafts.page-listened",
            publishedId: "page-listened",
          },
        ],
      });
      expect(published.status).toBe(200);
      await expect.poll(() => listener.mutations().length).toBe(3);
      const transactionId = published.body.transactionId;
      const events = listener.mutations().slice(1);
      expect(events.map(({ documentId, transition }) => `${transition} ${documentId}`).sort()).toEqual([
        "appear page-listened",
        "disappear drafts.page-listened",
      ]);
      for (const event of events)
        expect(event).toMatchObject({ transactionId, resultRev: transactionId, transactionTotalEvents: 2 });
      const deletion = events.find(({ transition }) => transition === "disappear");
      expect(deletion).toMatchObject({ previousRev: edited.resultRev, effects: { apply: [0, null] } });
    } finally {
      listener.close();
    }
  });

  it("refuses a publish whose draft is gone, as the hosted lake does: a second publish of the same draft, or of one that never existed", async () => {
    await client.createOrReplace({ _id: "drafts.page-double", _type: "page", title: "Publiée deux fois" });
    const publish = {
      actions: [
        { actionType: "sanity.action.document.publish", draftId: "drafts.page-double", publishedId: "page-double" },
      ],
    };
    expect((await studioPost("/v2025-02-19/data/actions/production", publish)).status).toBe(200);
    const again = await studioPost("/v2025-02-19/data/actions/production", publish);
    expect(again).toMatchObject({ status: 409, body: { error: { type: "documentNotFoundError" } } });
    expect(await client.getDocument("drafts.page-double")).toBeUndefined();
    expect(await client.getDocument("page-double")).toMatchObject({ title: "Publiée deux fois" });
    const missing = await studioPost("/v2025-02-19/data/actions/production", {
      actions: [
        { actionType: "sanity.action.document.publish", draftId: "drafts.page-none", publishedId: "page-none" },
      ],
    });
    expect(missing).toMatchObject({ status: 409, body: { error: { type: "documentNotFoundError" } } });
  });
});
