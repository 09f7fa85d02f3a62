import net from 'node:net';

/** True only for addresses that never leave this machine (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost') return true;
  const bare = host.replace(/^\[|\]$/g, '');
  if (net.isIPv4(bare)) return bare.split('.')[0] === '127';
  if (net.isIPv6(bare)) return bare === '::1' || bare === '0:0:0:0:0:0:0:1';
  return false;
}
