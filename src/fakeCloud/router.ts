/** Matching a request's path against route patterns (`/v2/{project}/instances/{id}`). */

/** A pattern split into literal segments and `{name}` parameters. */
interface Pattern {
  segments: readonly ({ literal: string } | { param: string })[];
}

/** What matching found: a route and its parameters, a path that exists with other methods only, or nothing. */
export type Match<R> = { route: R; params: Map<string, string> } | 'method-not-allowed' | undefined;

/**
 * The first route whose method and path pattern match. Path segments are compared and captured decoded; a segment
 * that is not valid percent-encoding matches nothing.
 *
 * @example matchRoute(routes, 'GET', ['v2', 'p1', 'instances', 'abc']) // { route, params: { project: 'p1', id: 'abc' } }
 */
export function matchRoute<R extends { method: string; path: string }>(
  routes: readonly R[],
  method: string,
  segments: readonly (string | undefined)[],
): Match<R> {
  let pathExists = false;
  for (const route of routes) {
    const params = matchPattern(pattern(route.path), segments);
    if (!params) continue;
    if (route.method === method) return { route, params };
    pathExists = true;
  }
  return pathExists ? 'method-not-allowed' : undefined;
}

/**
 * The decoded segments of a path (`/a/b%20c/` → `['a', 'b c']`); a segment that is not valid percent-encoding is
 * undefined (it matches no pattern).
 */
export function pathSegments(path: string): (string | undefined)[] {
  return path
    .split('/')
    .filter((raw) => raw !== '')
    .map((raw) => {
      try {
        return decodeURIComponent(raw);
      } catch {
        return undefined;
      }
    });
}

const patterns = new Map<string, Pattern>();

function pattern(path: string): Pattern {
  let compiled = patterns.get(path);
  if (!compiled) {
    compiled = {
      segments: path
        .split('/')
        .filter((s) => s !== '')
        .map((s) => (s.startsWith('{') && s.endsWith('}') ? { param: s.slice(1, -1) } : { literal: s })),
    };
    patterns.set(path, compiled);
  }
  return compiled;
}

function matchPattern(compiled: Pattern, segments: readonly (string | undefined)[]): Map<string, string> | undefined {
  if (compiled.segments.length !== segments.length) return undefined;
  const params = new Map<string, string>();
  for (const [i, part] of compiled.segments.entries()) {
    const segment = segments[i];
    if (segment === undefined) return undefined;
    if ('literal' in part) {
      if (part.literal !== segment) return undefined;
    } else params.set(part.param, segment);
  }
  return params;
}
