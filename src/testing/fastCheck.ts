/**
 * `fastCheck`: the fast-check module, loaded only if it is installed. fast-check is an optional peer dependency:
 * the arbitraries need it, the rest of `instance-lifecycle/testing` (the simulated instance, the replay reference)
 * does not, so importing the subpath must not fail without it.
 */
import type FastCheckModule from 'fast-check';

type FastCheck = typeof FastCheckModule;

const loaded: FastCheck | undefined = await import('fast-check').then(
  (module) => module.default,
  () => undefined,
);

/**
 * fast-check; throws an Error saying how to install it when it is missing.
 *
 * @example const fc = fastCheck(); fc.constantFrom('RUNNING', 'ERROR')
 */
export function fastCheck(): FastCheck {
  if (!loaded)
    throw new Error('the arbitraries of instance-lifecycle/testing need fast-check: npm install --save-dev fast-check');
  return loaded;
}
