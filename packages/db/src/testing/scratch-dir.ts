import { accessSync, constants } from 'node:fs';
import { tmpdir } from 'node:os';

/**
 * Where throwaway clusters live: RAM-backed /dev/shm when the OS has it, else the OS tmp dir.
 * CREATE DATABASE creates ~300 files; on this machine's busy ext4 disk that took ~330 ms (the
 * kernel's inode allocator), on tmpfs ~20 ms. initdb: ~1.4 s vs ~0.45 s.
 */
export function scratchBase(): string {
  try {
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return tmpdir();
  }
}
