import { generate } from "selfsigned";

export interface TlsIdentity {
  key: string;
  cert: string;
}

/**
 * A fresh self-signed certificate per start: the sandbox's HTTPS exists only because the
 * Studio needs HTTP/2 (browsers speak it over TLS only), not to authenticate anyone.
 */
export async function selfSignedIdentity(projectId: string): Promise<TlsIdentity> {
  const names = ["localhost", `${projectId}.localhost`, "*.localhost", `${projectId}.api.localhost`];
  const pems = await generate([{ name: "commonName", value: `${projectId}.localhost` }], {
    keySize: 2048,
    notAfterDate: new Date(Date.now() + 30 * 24 * 3600 * 1000),
    algorithm: "sha256",
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [...names.map((value) => ({ type: 2 as const, value })), { type: 7 as const, ip: "127.0.0.1" }],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
