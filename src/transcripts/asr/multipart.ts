import { randomBytes } from 'node:crypto';

export type FormField = string | { filename: string; contentType: string; data: Buffer };

export interface MultipartBody {
  body: Buffer;
  contentType: string;
}

/** A multipart/form-data body (RFC 7578); repeated names such as `timestamp_granularities[]` are separate entries. */
export function multipartBody(fields: [name: string, value: FormField][]): MultipartBody {
  const boundary = `----podbrief${randomBytes(12).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of fields) {
    const disposition = `form-data; name="${escapeQuoted(name)}"`;
    if (typeof value === 'string') {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n${value}\r\n`));
    } else {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: ${disposition}; filename="${escapeQuoted(value.filename)}"\r\nContent-Type: ${value.contentType}\r\n\r\n`,
        ),
      );
      parts.push(value.data, Buffer.from('\r\n'));
    }
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

function escapeQuoted(text: string): string {
  return text.replace(/["\r\n\\]/g, '_');
}
