// argon2id hashes (the library's default algorithm and OWASP's minimum cost: 19 MiB, 2 passes).
import { hash, verify } from '@node-rs/argon2';

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Verified against when there is no account, so an unknown DNI answers as slowly as a wrong password. */
let dummyHash: Promise<string> | undefined;

/** False for a wrong password and for a missing account alike, after the same work. */
export async function passwordMatches(storedHash: string | undefined, password: string): Promise<boolean> {
  dummyHash ??= hash('turnero-sin-cuenta');
  const target = storedHash ?? (await dummyHash);
  const ok = await verify(target, password).catch(() => false);
  return ok && storedHash !== undefined;
}
