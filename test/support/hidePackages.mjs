// A module resolve hook, registered with `node --import`: the packages named in HIDE_PACKAGES (comma-separated)
// cannot be resolved, as if they were not installed; every package resolved is appended to RESOLVED_LOG.
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';

if (process.env.HOOK_THREAD === undefined) {
  register(import.meta.url, {
    data: { hide: (process.env.HIDE_PACKAGES ?? '').split(',').filter(Boolean), log: process.env.RESOLVED_LOG },
  });
}

let hidden = [];
let log;
export function initialize(data) {
  hidden = data.hide;
  log = data.log;
}

export async function resolve(specifier, context, next) {
  const bare = !specifier.startsWith('.') && !specifier.startsWith('/') && !specifier.includes(':');
  if (bare) {
    const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
    if (log) appendFileSync(log, `${name}\n`);
    if (hidden.includes(name)) {
      const error = new Error(`Cannot find package '${name}' (hidden by the test)`);
      error.code = 'ERR_MODULE_NOT_FOUND';
      throw error;
    }
  }
  return next(specifier, context);
}
