/** `jmesPath`: a dotted status path (`instances.0.status`) as the JMESPath expression waiters use. */

/**
 * The JMESPath expression of a dotted path: numeric parts become indexes, other parts are quoted when they are not
 * plain identifiers.
 *
 * @example jmesPath('instances.0.status') // 'instances[0].status'
 */
export function jmesPath(dotted: string): string {
  let out = '';
  for (const part of dotted.split('.')) {
    if (/^\d+$/.test(part)) out += `[${part}]`;
    else {
      const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(part) ? part : JSON.stringify(part);
      out += out === '' ? name : `.${name}`;
    }
  }
  return out;
}
