// Resident memory of a server process, from /proc (Linux): VmRSS of the process and of its
// descendants (`next start` serves from its own process, but a child would count too).
import { readFileSync, readdirSync } from 'node:fs';

function childrenOf(pid) {
  const children = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (text) children.push(...text.split(/\s+/).map(Number));
    }
  } catch {
    // The process is gone, or this kernel has no children files: count the process alone.
  }
  return children;
}

function vmRssKb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!match) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(match[1]);
}

/** VmRSS in kB (1,024 bytes, as /proc counts) of `pid` and every process below it. */
export function treeRssKb(pid) {
  let total = 0;
  const queue = [pid];
  while (queue.length > 0) {
    const next = queue.shift();
    total += vmRssKb(next);
    queue.push(...childrenOf(next));
  }
  return total;
}
