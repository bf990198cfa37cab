import { createHash } from 'node:crypto';
import type { RegionData } from '../data/types.ts';
import type { SharedDataset } from './shared-dataset.ts';

/**
 * A dataset as one binary blob for Redis: a JSON header (names, regions, layout), then the shared
 * profile buffers as raw Float64 bytes. Workers on other machines rebuild the SharedDataset from
 * it, so their threads see exactly the numbers the coordinator's threads would.
 */
interface BlobHeader {
  name: string;
  hours: number;
  regions: RegionData[];
  profileNames: string[];
  referenceYear: number | null;
  bytes: number;
  years: Array<{ year: number; hours: number; profileNames: string[]; bytes: number }>;
}

/** A published dataset: its blob and the content hash that names it in Redis. */
export interface DatasetBlob {
  hash: string;
  bytes: Buffer;
}

const blobs = new WeakMap<SharedDataset, DatasetBlob>();

/** Header length (uint32) and padding so the Float64 data start on an 8-byte boundary. */
function headerSpan(headerBytes: number): number {
  return Math.ceil((4 + headerBytes) / 8) * 8;
}

/** Encodes a shared dataset as a blob named by the SHA-256 of its bytes (memoised per dataset). */
export function datasetBlob(shared: SharedDataset): DatasetBlob {
  const cached = blobs.get(shared);
  if (cached) return cached;
  const header: BlobHeader = {
    name: shared.name,
    hours: shared.hours,
    regions: shared.regions,
    profileNames: shared.profileNames,
    referenceYear: shared.referenceYear,
    bytes: shared.buffer.byteLength,
    years: shared.years.map((y) => ({
      year: y.year,
      hours: y.hours,
      profileNames: y.profileNames,
      bytes: y.buffer.byteLength,
    })),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const start = headerSpan(headerBytes.length);
  const total = start + header.bytes + header.years.reduce((sum, y) => sum + y.bytes, 0);
  const bytes = Buffer.alloc(total);
  bytes.writeUInt32LE(headerBytes.length, 0);
  headerBytes.copy(bytes, 4);
  let offset = start;
  for (const buffer of [shared.buffer, ...shared.years.map((y) => y.buffer)]) {
    bytes.set(new Uint8Array(buffer), offset);
    offset += buffer.byteLength;
  }
  const blob = { hash: createHash('sha256').update(bytes).digest('hex'), bytes };
  blobs.set(shared, blob);
  return blob;
}

function sharedCopy(bytes: Buffer, offset: number, length: number): SharedArrayBuffer {
  const buffer = new SharedArrayBuffer(length);
  new Uint8Array(buffer).set(bytes.subarray(offset, offset + length));
  return buffer;
}

/**
 * Rebuilds the shared dataset from a blob, checking it against its hash first: a blob that does
 * not hash to its name (a truncated write, another dataset under the key) is refused.
 */
export function sharedDatasetFromBlob(bytes: Buffer, expectedHash: string): SharedDataset {
  const hash = createHash('sha256').update(bytes).digest('hex');
  if (hash !== expectedHash) throw new Error(`dataset ${expectedHash.slice(0, 12)}… arrived damaged (hash mismatch)`);
  const headerLength = bytes.readUInt32LE(0);
  const header = JSON.parse(bytes.toString('utf8', 4, 4 + headerLength)) as BlobHeader;
  let offset = headerSpan(headerLength);
  const buffer = sharedCopy(bytes, offset, header.bytes);
  offset += header.bytes;
  const years = header.years.map((y) => {
    const yearBuffer = sharedCopy(bytes, offset, y.bytes);
    offset += y.bytes;
    return { year: y.year, hours: y.hours, profileNames: y.profileNames, buffer: yearBuffer };
  });
  return {
    name: header.name,
    hours: header.hours,
    regions: header.regions,
    profileNames: header.profileNames,
    buffer,
    referenceYear: header.referenceYear,
    years,
    contentHash: expectedHash,
  };
}
