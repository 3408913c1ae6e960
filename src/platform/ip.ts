import net from 'node:net';

/**
 * One spelling per address, so limits count it once: IPv4-mapped IPv6 ("::ffff:10.0.0.1") becomes
 * IPv4, IPv6 is compressed and lower-cased. null when it is not an IP address.
 */
export function normalizeIp(input: string): string | null {
  const ip = input.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1] as string;
  if (net.isIPv4(ip)) return ip;
  if (net.isIPv6(ip)) return new URL(`http://[${ip}]`).hostname.slice(1, -1);
  return null;
}
