/**
 * `terraformWaiter`: the derived lists of a wait as Go code for a Terraform provider: a `retry.StateChangeConf`
 * (terraform-plugin-sdk v2, helper/retry) with its Pending and Target lists, and a refresh function skeleton that
 * turns each failure status into an error (with the reason) and an HTTP 404 into the final status. The text is
 * gofmt-formatted Go; the one thing to fill in is `getStatus`, the provider's GET request.
 */
import { pascalCase, type WaiterLists } from './lists.js';

/** A Go string literal (JSON's escapes are Go's too). */
function goString(text: string): string {
  return JSON.stringify(text);
}

function goStrings(items: readonly string[]): string {
  return `[]string{${items.map(goString).join(', ')}}`;
}

/**
 * Go source of a state-change wait for these lists.
 *
 * @example terraformWaiter(waiterLists(expectations('dcs', 'RUNNING', { from: 'CREATING' }))) // 'package waiter\n...'
 */
export function terraformWaiter(lists: WaiterLists): string {
  const name = pascalCase(lists.service, ...lists.target);
  const failures = `${name[0]!.toLowerCase()}${name.slice(1)}Failures`;
  const keyWidth = Math.max(0, ...lists.failure.map((f) => goString(f.status).length + 1));
  const failureLines = lists.failure.map(
    (f) => `\t${`${goString(f.status)}:`.padEnd(keyWidth)} ${goString(f.reason)},`,
  );
  const notFound =
    lists.notFound === undefined
      ? ['\t\t// The service has no single final status: a 404 is an error here.']
      : [
          '\t\tif errors.Is(err, errNotFound) {',
          `\t\t\t// HTTP 404: the instance is gone, which is ${lists.notFound}.`,
          `\t\t\treturn struct{}{}, ${goString(lists.notFound)}, nil`,
          '\t\t}',
        ];
  const until =
    lists.until.length === 0
      ? []
      : [
          `\t\t// ${lists.until.join(', ')}: what ${lists.after} leaves from, which the API may still show until the`,
          '\t\t// request takes effect.',
        ];
  return [
    `// Code derived by instance-lifecycle from the ${lists.service} machine.`,
    `// ${lists.title}.`,
    '// Fill in getStatus (your GET request); the lists follow the machine.',
    '',
    'package waiter',
    '',
    'import (',
    '\t"context"',
    '\t"errors"',
    '\t"fmt"',
    '\t"time"',
    '',
    '\t"github.com/hashicorp/terraform-plugin-sdk/v2/helper/retry"',
    ')',
    '',
    '// errNotFound is what getStatus returns when the API answers HTTP 404.',
    'var errNotFound = errors.New("instance not found")',
    '',
    '// getStatus asks the API for the instance and its status. TODO: your GET request.',
    'var getStatus = func(ctx context.Context, id string) (interface{}, string, error) {',
    '\treturn nil, "", errors.New("getStatus is not implemented")',
    '}',
    '',
    `// ${failures}: the statuses from which ${lists.target.join(' or ')} can no longer come, and why.`,
    ...(failureLines.length === 0
      ? [`var ${failures} = map[string]string{}`]
      : [`var ${failures} = map[string]string{`, ...failureLines, '}']),
    '',
    `// refresh${name} polls the instance: an error for a failure status, ${lists.notFound ?? 'nothing'} for a 404.`,
    `func refresh${name}(ctx context.Context, id string) retry.StateRefreshFunc {`,
    '\treturn func() (interface{}, string, error) {',
    '\t\tinstance, status, err := getStatus(ctx, id)',
    ...notFound,
    '\t\tif err != nil {',
    '\t\t\treturn nil, "", err',
    '\t\t}',
    `\t\tif reason, failed := ${failures}[status]; failed {`,
    `\t\t\treturn instance, status, fmt.Errorf("instance %s is %s: %s", id, status, reason)`,
    '\t\t}',
    '\t\treturn instance, status, nil',
    '\t}',
    '}',
    '',
    `// waitFor${name} waits until the instance is ${lists.target.join(' or ')}.`,
    `func waitFor${name}(ctx context.Context, id string, timeout time.Duration) error {`,
    '\tstateConf := &retry.StateChangeConf{',
    ...until,
    `\t\tPending:    ${goStrings(lists.pending)},`,
    `\t\tTarget:     ${goStrings(lists.target)},`,
    `\t\tRefresh:    refresh${name}(ctx, id),`,
    '\t\tTimeout:    timeout,',
    '\t\tMinTimeout: 2 * time.Second,',
    '\t}',
    '\t_, err := stateConf.WaitForStateContext(ctx)',
    '\treturn err',
    '}',
    '',
  ].join('\n');
}
