import type { IncomingMessage, ServerResponse } from 'node:http';
import { startLocalServer, type LocalServer } from '../../../../test/net/local-server.js';
import { SCRIPT } from '../../audio/test-support/speech.js';

interface ReceivedUpload {
  path: string;
  fields: Record<string, string[]>;
  fileBytes: number;
  /** From the uploaded WAV's header. */
  audioSeconds: number;
  authorization?: string;
}

/** A scripted answer used before the normal behaviour: status/body/headers, or a hang. */
type Scripted = { status: number; body?: unknown; headers?: Record<string, string> } | { hang: true };

export interface FakeAsrServer extends LocalServer {
  uploads: ReceivedUpload[];
  /** Answers to give, in order, before answering normally. */
  script: Scripted[];
}

async function readUpload(req: IncomingMessage): Promise<{ form: FormData; raw: Buffer }> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks);
  const form = await new Request('http://fake.local/', {
    method: 'POST',
    headers: { 'content-type': req.headers['content-type'] ?? '' },
    body: raw,
  }).formData();
  return { form, raw };
}

function wavSeconds(data: Buffer): number | undefined {
  if (data.length < 44 || data.toString('ascii', 0, 4) !== 'RIFF' || data.toString('ascii', 8, 12) !== 'WAVE')
    return undefined;
  return (data.length - 44) / data.readUInt32LE(28);
}

/**
 * Segments every 5 s over the uploaded audio, with sentences of the test script as text, marked
 * with the upload's number so two uploads never say the same line (which stitching would merge).
 */
function segmentsFor(seconds: number, upload: number, extra: Record<string, unknown> = {}): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let t = 0, i = 0; t < seconds; t += 5, i++) {
    out.push({
      id: i,
      seek: 0,
      start: t,
      end: Math.min(seconds, t + 5),
      text: ` ${SCRIPT[i % SCRIPT.length]} Take ${upload}.`,
      tokens: [50364],
      temperature: 0,
      avg_logprob: -0.21,
      compression_ratio: 1.4,
      no_speech_prob: 0.01,
      ...extra,
    });
  }
  return out;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

export interface FakeOpenAiOptions {
  apiKey?: string;
  /** Upload limit of the server (OpenAI: 25 MB); larger uploads get 413. */
  maxUploadBytes?: number;
  segmentExtra?: Record<string, unknown>;
}

/**
 * An OpenAI-compatible `/v1/audio/transcriptions` following the documented API: multipart
 * request (file, model, response_format, timestamp_granularities[]), `verbose_json` answer, and
 * errors as `{error: {message, type, param, code}}` with 401, 413, 429 (Retry-After) and 5xx.
 */
export async function startFakeOpenAi(o: FakeOpenAiOptions = {}): Promise<FakeAsrServer> {
  const uploads: ReceivedUpload[] = [];
  const script: Scripted[] = [];
  const server = await startLocalServer((req, res) => {
    void (async () => {
      if (req.method !== 'POST' || req.url !== '/v1/audio/transcriptions')
        return send(res, 404, {
          error: { message: 'Invalid URL', type: 'invalid_request_error', param: null, code: null },
        });
      const { form } = await readUpload(req);
      const file = form.get('file');
      const data = file instanceof Blob ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
      const fields: Record<string, string[]> = {};
      for (const [k, v] of form.entries()) if (typeof v === 'string') (fields[k] ??= []).push(v);
      const seconds = wavSeconds(data);
      uploads.push({
        path: req.url,
        fields,
        fileBytes: data.length,
        audioSeconds: seconds ?? 0,
        ...(req.headers.authorization && { authorization: req.headers.authorization }),
      });
      const next = script.shift();
      if (next && 'hang' in next) return;
      if (next) return send(res, next.status, next.body ?? {}, next.headers);
      if (o.apiKey && req.headers.authorization !== `Bearer ${o.apiKey}`) {
        return send(res, 401, {
          error: {
            message:
              'Incorrect API key provided: sk-wrong. You can find your API key at https://platform.openai.com/account/api-keys.',
            type: 'invalid_request_error',
            param: null,
            code: 'invalid_api_key',
          },
        });
      }
      if (o.maxUploadBytes !== undefined && data.length > o.maxUploadBytes) {
        return send(res, 413, {
          error: {
            message: `Maximum content size limit (${o.maxUploadBytes}) exceeded (${data.length} bytes read)`,
            type: 'server_error',
            param: null,
            code: null,
          },
        });
      }
      if (seconds === undefined || !fields['model']?.[0])
        return send(res, 400, {
          error: { message: 'Invalid file format.', type: 'invalid_request_error', param: null, code: null },
        });
      const segments = segmentsFor(seconds, uploads.length, o.segmentExtra);
      send(res, 200, {
        task: 'transcribe',
        language: 'english',
        duration: seconds,
        text: segments.map((s) => s['text']).join(''),
        segments,
      });
    })();
  });
  return Object.assign(server, { uploads, script });
}

/**
 * A whisper.cpp server's `POST /inference`: multipart `file` (WAV only, without --convert),
 * `response_format=verbose_json`; failures come back as `{"error": "..."}` with HTTP 200.
 */
export async function startFakeWhisperServer(
  o: { segmentExtra?: Record<string, unknown> } = {},
): Promise<FakeAsrServer> {
  const uploads: ReceivedUpload[] = [];
  const script: Scripted[] = [];
  const server = await startLocalServer((req, res) => {
    void (async () => {
      if (req.method !== 'POST' || req.url !== '/inference') {
        res.writeHead(404);
        return res.end();
      }
      const { form } = await readUpload(req);
      const file = form.get('file');
      if (!(file instanceof Blob)) return send(res, 200, { error: "no 'file' field in the request" });
      const data = Buffer.from(await file.arrayBuffer());
      const fields: Record<string, string[]> = {};
      for (const [k, v] of form.entries()) if (typeof v === 'string') (fields[k] ??= []).push(v);
      const seconds = wavSeconds(data);
      uploads.push({ path: req.url, fields, fileBytes: data.length, audioSeconds: seconds ?? 0 });
      const next = script.shift();
      if (next && 'hang' in next) return;
      if (next) return send(res, next.status, next.body ?? {}, next.headers);
      if (seconds === undefined) return send(res, 200, { error: 'failed to read WAV file' });
      const segments = segmentsFor(seconds, uploads.length, o.segmentExtra).map(
        ({ seek: _s, compression_ratio: _c, ...s }) => s,
      );
      send(res, 200, {
        task: 'transcribe',
        language: 'english',
        duration: seconds,
        text: segments.map((s) => s['text']).join(''),
        segments,
      });
    })();
  });
  return Object.assign(server, { uploads, script });
}
