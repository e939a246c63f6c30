/** The file operations main needs; `node:fs/promises` in the app, an in-memory fake in tests. */
export interface FsLike {
  readFile(file: string, encoding: 'utf8'): Promise<string>;
  writeFile(file: string, data: string | Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  mkdir(dir: string, options: { recursive: true }): Promise<unknown>;
}

export function isMissingFile(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}

/** Write to a sibling temp file, then rename over the target: a crash mid-write leaves the old file whole. */
export async function writeFileAtomic(fs: FsLike, file: string, data: string): Promise<void> {
  const temp = `${file}.tmp`;
  await fs.writeFile(temp, data);
  await fs.rename(temp, file);
}
