// WeChat Pay needs the merchant's client certificate (mutual TLS). The client takes it as an
// `https.Agent`: against an HTTPS server that demands a client certificate, a client with the agent
// gets through and one without fails as a transport error. The certificates below are throwaway
// test fixtures (a private test CA, valid until 2126), not secrets.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import { captureLogger } from '../helpers/fake-wechat.ts';
import { WeChatApiError } from '../../src/wechat/core/api-error.ts';
import { PayClient } from '../../src/wechat/pay/client.ts';
import { buildXml, parseXml } from '../../src/wechat/protocol/index.ts';

const CA_CERT = `-----BEGIN CERTIFICATE-----
MIIBjDCCATGgAwIBAgIUCWsBL3uUDQ+pRlk2Qxfl/dP12gIwCgYIKoZIzj0EAwIw
GjEYMBYGA1UEAwwPRmlzc2lvbiB0ZXN0IENBMCAXDTI2MTEyMjIxMjQzMFoYDzIx
MjYxMDI5MjEyNDMwWjAaMRgwFgYDVQQDDA9GaXNzaW9uIHRlc3QgQ0EwWTATBgcq
hkjOPQIBBggqhkjOPQMBBwNCAATdP8kXL0i4NUAR1YX2+csNm98m82NwngImdZyQ
UlVBGObM5VROUDoN/3Wxfq+LY9WilSc4EqaStFrtEbceMYbvo1MwUTAdBgNVHQ4E
FgQU3y++MVOSyYxm9iwUwKF3SpUPyjYwHwYDVR0jBBgwFoAU3y++MVOSyYxm9iwU
wKF3SpUPyjYwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNJADBGAiEA8qPb
ZGwlZhLCIT3epiiJCmOqI9WW7EvzYv24h/llNbACIQCF2tT0GSuKz55VJGToW6UQ
f62Vs9To8pzr+apSlUCGlA==
-----END CERTIFICATE-----
`;
const SERVER_CERT = `-----BEGIN CERTIFICATE-----
MIIBhDCCASugAwIBAgIUPYyGEBlt8MprD4G/WLrAkxLQTT0wCgYIKoZIzj0EAwIw
GjEYMBYGA1UEAwwPRmlzc2lvbiB0ZXN0IENBMCAXDTI2MTEyMjIxMjQzMFoYDzIx
MjYxMDI5MjEyNDMwWjAUMRIwEAYDVQQDDAkxMjcuMC4wLjEwWTATBgcqhkjOPQIB
BggqhkjOPQMBBwNCAAS8aTdmTsA/AUFilig7D8Ia4MjCsWSmkq93NeAsyu/YaSHQ
4NuSs55fDE8+6QoZLM4SfhAoRMcgyxy0mdsQg8iFo1MwUTAPBgNVHREECDAGhwR/
AAABMB0GA1UdDgQWBBSXfdssG8o0KGsdP0Ozr58ylt429DAfBgNVHSMEGDAWgBTf
L74xU5LJjGb2LBTAoXdKlQ/KNjAKBggqhkjOPQQDAgNHADBEAiBYV4THZ3ygmF98
IZ7OnqFvFhMERE3pQKsmk1TR7jm+HAIgN7ZeoEKbiGOJCSnbitxLxwCgGed4vC+8
Q2q7nrok0OU=
-----END CERTIFICATE-----
`;
const SERVER_KEY = `-----BEGIN EC PRIVATE KEY-----
MHcCAQEEINtBWdsDesfXA9khV3886jKdBGKKheJYYdaSh6142y6zoAoGCCqGSM49
AwEHoUQDQgAEvGk3Zk7APwFBYpYoOw/CGuDIwrFkppKvdzXgLMrv2Gkh0ODbkrOe
XwxPPukKGSzOEn4QKETHIMsctJnbEIPIhQ==
-----END EC PRIVATE KEY-----
`;
const CLIENT_CERT = `-----BEGIN CERTIFICATE-----
MIIBKzCB0gIUPYyGEBlt8MprD4G/WLrAkxLQTT4wCgYIKoZIzj0EAwIwGjEYMBYG
A1UEAwwPRmlzc2lvbiB0ZXN0IENBMCAXDTI2MTEyMjIxMjQzMFoYDzIxMjYxMDI5
MjEyNDMwWjAVMRMwEQYDVQQDDAoxOTAwMDAwMTA5MFkwEwYHKoZIzj0CAQYIKoZI
zj0DAQcDQgAEEQvzCuhGn5JPlHv7cQSYf9TZS3Hx6QsyYn8zkdpOytn239OSnVMk
N7++14w0sJAtJCdMcCHvMTcVw6ABQsyZMzAKBggqhkjOPQQDAgNIADBFAiEAtpAF
xm9nouXjKELFjVfUfY70KoNOKe48kvc/7e8MADECICqq9gMIlW78MU69H+mp5qHY
aS8jwYvOgVaprbbFpFHC
-----END CERTIFICATE-----
`;
const CLIENT_KEY = `-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIMV7ixjjgn9N3AkxAdqDmUvibS+H5NG7HfcJgqpoX13qoAoGCCqGSM49
AwEHoUQDQgAEEQvzCuhGn5JPlHv7cQSYf9TZS3Hx6QsyYn8zkdpOytn239OSnVMk
N7++14w0sJAtJCdMcCHvMTcVw6ABQsyZMw==
-----END EC PRIVATE KEY-----
`;

describe('WeChat Pay client certificate (no database)', () => {
  let server: https.Server;
  let url = '';
  const peers: string[] = [];
  before(async () => {
    server = https.createServer({ cert: SERVER_CERT, key: SERVER_KEY, ca: CA_CERT, requestCert: true, rejectUnauthorized: true }, (req, res) => {
      peers.push(String((req.socket as TLSSocket).getPeerCertificate().subject?.CN));
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const x = parseXml(body) as Record<string, string>;
        res.setHeader('content-type', 'text/xml');
        res.end(buildXml({ return_code: 'SUCCESS', result_code: 'SUCCESS', mch_billno: x.mch_billno!, mch_id: x.mch_id!, wxappid: x.wxappid!, re_openid: x.re_openid!, total_amount: x.total_amount! }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `https://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  const packet = { mch_billno: '1900000109202601010000000009', wxappid: 'wx0123456789abcdef', send_name: 's', re_openid: 'oU1', total_amount: 100, wishing: 'w', client_ip: '127.0.0.1', act_name: 'a', remark: 'r' };
  const opts = { mchId: '1900000109', apiKey: 'K'.repeat(32), baseUrl: '', logger: captureLogger().logger, rateLimit: false as const, retry: { retries: 0 } };

  test('with the merchant certificate in an https.Agent the call goes through', async () => {
    const agent = new https.Agent({ cert: CLIENT_CERT, key: CLIENT_KEY, ca: CA_CERT });
    const pay = new PayClient({ ...opts, baseUrl: url, agent });
    assert.equal((await pay.sendRedPack(packet)).mch_billno, packet.mch_billno);
    assert.deepEqual(peers, ['1900000109']);
    agent.destroy();
  });

  test('without it the TLS handshake fails: a transport error', async () => {
    const agent = new https.Agent({ ca: CA_CERT }); // trusts the server, presents no certificate
    const err = await new PayClient({ ...opts, baseUrl: url, agent }).sendRedPack(packet).catch((e: unknown) => e);
    assert.ok(err instanceof WeChatApiError);
    assert.equal(err.isTransport, true);
    assert.equal(peers.length, 1);
    agent.destroy();
  });
});
