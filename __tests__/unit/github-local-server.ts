/**
 * A tiny loopback HTTP server for the GitHub client tests: each test scripts the answers and
 * reads back every request that actually arrived, so "never sent" is observable.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** A request as the server received it. */
export interface ReceivedRequest {
  method: string
  url: string
  headers: http.IncomingHttpHeaders
  body: string
}

/** Answers one request; may write the response itself (for streaming). */
export type Responder = (request: ReceivedRequest, response: http.ServerResponse) => void | Promise<void>

/** A running local server. */
export interface LocalServer {
  url: string
  received: ReceivedRequest[]
  close(): Promise<void>
}

/** Starts a server on 127.0.0.1 that hands every request to `respond`. */
export async function startLocalServer(respond: Responder): Promise<LocalServer> {
  const received: ReceivedRequest[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }
      received.push(request)
      Promise.resolve(respond(request, res)).catch((error: unknown) => {
        res.statusCode = 500
        res.end(String(error))
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      })
  }
}

/** Writes a JSON answer. */
export function sendJson(response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
  response.end(JSON.stringify(body))
}
