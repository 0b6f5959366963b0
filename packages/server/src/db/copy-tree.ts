import { constants } from 'node:fs';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';

/** Files copied at once: enough to keep libuv's 4 threads busy on a directory of small files. */
const CONCURRENT_COPIES = 8;

/**
 * Copies the directory tree `source` to `target` (which must not exist yet), several files at a
 * time: a PGlite data directory is ~1,000 files, and `fs.cp` copies them one by one. Files are
 * reflinked (copy-on-write) where the file system can, else copied.
 */
export async function copyTree(source: string, target: string): Promise<void> {
  const entries = await readdir(source, { recursive: true, withFileTypes: true });
  const relative = (entry: { parentPath: string; name: string }) =>
    path.relative(source, path.join(entry.parentPath, entry.name));
  await mkdir(target, { recursive: true });
  // Parents sort before their children, so each mkdir finds its parent in place.
  const dirs = entries
    .filter((e) => e.isDirectory())
    .map(relative)
    .sort();
  for (const dir of dirs) await mkdir(path.join(target, dir), { recursive: true });
  const files = entries.filter((e) => e.isFile()).map(relative);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++] as string;
      await copyFile(path.join(source, file), path.join(target, file), constants.COPYFILE_FICLONE);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT_COPIES }, worker));
}
