/**
 * A reader of Mermaid `stateDiagram-v2` text for tests, written after the lexer rules of Mermaid's own grammar
 * (packages/mermaid/src/diagrams/state/parser/stateDiagram.jison in mermaid-js/mermaid): the rules are tried in
 * the grammar's order, first match wins, case is ignored, and the lexer's exclusive start conditions (after
 * `state`, `classDef`, `class`, and inside a composite state's braces) are followed. It understands the statements
 * toMermaid writes (relations, aliases, composite states, classDef, class) and throws on any token sequence
 * Mermaid's grammar would reject or read as something else (a note, a scale, a direction, a fork, a concurrency
 * divider...), so a status or label that the real parser would misread fails here.
 */

/** A relation `from --> to: label`, and the composite state it was written in (none at the top level). */
export interface ParsedRelation {
  from: string;
  to: string;
  label?: string;
  /** The id of the composite state whose braces hold the relation (there `[*]` is that state's own start). */
  parent?: string;
}

/**
 * What a diagram says, as plain data: aliases (id → label), relations, class definitions and assignments, and the
 * composite states (id → the ids declared or related inside its braces, `[*]` excluded).
 */
export interface ParsedStateDiagram {
  aliases: Map<string, string>;
  relations: ParsedRelation[];
  classDefs: Map<string, string>;
  classes: { ids: string[]; className: string }[];
  composites: Map<string, string[]>;
}

type Condition =
  | 'INITIAL'
  | 'STATE'
  | 'STATE_STRING'
  | 'STATE_ID'
  | 'CLASSDEF'
  | 'CLASSDEFID'
  | 'CLASS'
  | 'CLASS_STYLE'
  | 'STRUCT';

interface Token {
  type: string;
  text: string;
}

interface Rule {
  in: readonly Condition[];
  pattern: RegExp;
  /** The token type, or null to skip; `push`/`pop` change the start condition. */
  token: string | null;
  push?: Condition;
  pop?: true;
}

const rule = (
  conditions: readonly Condition[],
  source: string,
  token: string | null,
  more: Partial<Rule> = {},
): Rule => ({
  in: conditions,
  pattern: new RegExp(`^(?:${source})`, 'i'),
  token,
  ...more,
});

const I: readonly Condition[] = ['INITIAL'];
/** The top level and the inside of a composite state's braces. */
const IS: readonly Condition[] = ['INITIAL', 'STRUCT'];

/** The lexer rules that apply to the conditions above, in the grammar's order. */
const RULES: readonly Rule[] = [
  rule(I, 'default', 'DEFAULT'),
  rule(I, '.*direction\\s+(?:TB|BT|RL|LR)[^\\n]*', 'direction'),
  rule(I, '%%(?!\\{)[^\\n]*', null),
  rule(I, '[^}]%%[^\\n]*', null),
  rule(I, '[\\n]+', 'NL'),
  rule(I, '\\s+', null),
  rule(['STATE', 'STRUCT'], '(?:(?!\\n)\\s)+', null),
  rule(['INITIAL', 'STATE', 'STRUCT'], '#[^\\n]*', null),
  rule(I, '%%[^\\n]*', null),
  rule(I, 'scale\\s+', 'scale'),
  rule(I, 'accTitle\\s*:\\s*', 'acc_title'),
  rule(I, 'accDescr\\s*:\\s*', 'acc_descr'),
  rule(I, 'accDescr\\s*\\{\\s*', 'acc_descr_multiline'),
  rule(IS, 'classDef\\s+', 'classDef', { push: 'CLASSDEF' }),
  rule(['CLASSDEF'], 'DEFAULT\\s+', 'DEFAULT_CLASSDEF_ID', { pop: true, push: 'CLASSDEFID' }),
  rule(['CLASSDEF'], '\\w+\\s+', 'CLASSDEF_ID', { pop: true, push: 'CLASSDEFID' }),
  rule(['CLASSDEFID'], '[^\\n]*', 'CLASSDEF_STYLEOPTS', { pop: true }),
  rule(IS, 'class\\s+', 'class', { push: 'CLASS' }),
  rule(['CLASS'], '(?:\\w+)+(?:(?:,\\s*\\w+)*)', 'CLASSENTITY_IDS', { pop: true, push: 'CLASS_STYLE' }),
  rule(['CLASS_STYLE'], '[^\\n]*', 'STYLECLASS', { pop: true }),
  rule(IS, 'state\\s+', null, { push: 'STATE' }),
  rule(
    ['STATE'],
    '.*(?:<<fork>>|<<join>>|<<choice>>|\\[\\[fork\\]\\]|\\[\\[join\\]\\]|\\[\\[choice\\]\\])',
    'FORK_JOIN_CHOICE',
    {
      pop: true,
    },
  ),
  rule(['STRUCT'], '.*direction\\s+(?:TB|BT|RL|LR)[^\\n]*', 'direction'),
  rule(['STATE'], '"', null, { push: 'STATE_STRING' }),
  rule(['STATE'], '\\s*as\\s+', 'AS', { push: 'STATE_ID' }),
  rule(['STATE_ID'], '[^\\n{]*', 'ID', { pop: true }),
  rule(['STATE_STRING'], '"', null, { pop: true }),
  rule(['STATE_STRING'], '[^"]*', 'STATE_DESCR'),
  rule(['STATE'], '[^\\n\\s{]+', 'COMPOSIT_STATE'),
  rule(['STATE'], '\\n', null, { pop: true }),
  // the grammar pops the current condition and enters the braces (popping at the top level leaves it there)
  rule(['INITIAL', 'STATE'], '\\{', 'STRUCT_START', { pop: true, push: 'STRUCT' }),
  rule(['STRUCT'], '%%(?!\\{)[^\\n]*', null),
  rule(['STRUCT'], '\\}', 'STRUCT_STOP', { pop: true }),
  rule(['STRUCT'], '[\\n]', null),
  rule(IS, 'note\\s+', 'note'),
  rule(I, 'stateDiagram\\s+', 'SD'),
  rule(I, 'stateDiagram-v2\\s+', 'SD'),
  rule(I, 'hide empty description', 'HIDE_EMPTY'),
  rule(IS, '\\[\\*\\]', 'EDGE_STATE'),
  rule(IS, '[^:\\n\\s\\-{]+', 'ID'),
  rule(IS, '\\s*:[^:\\n;]+', 'DESCR'),
  rule(IS, '-->', '-->'),
  rule(['STRUCT'], '--', 'CONCURRENT'),
  rule(I, ':::', 'STYLE_SEPARATOR'),
  rule(I, '.', 'INVALID'),
];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const stack: Condition[] = ['INITIAL'];
  let at = 0;
  while (at < text.length) {
    const condition = stack.at(-1)!;
    const rest = text.slice(at);
    const found = RULES.find((r) => r.in.includes(condition) && r.pattern.test(rest));
    if (!found) throw new Error(`no lexer rule matches at ${JSON.stringify(rest.slice(0, 30))} (${condition})`);
    const match = found.pattern.exec(rest)![0];
    if (match.length === 0 && !found.pop) throw new Error(`empty match at ${JSON.stringify(rest.slice(0, 30))}`);
    if (found.pop && stack.length > 1) stack.pop();
    if (found.push) stack.push(found.push);
    if (found.token) tokens.push({ type: found.token, text: match });
    at += match.length;
  }
  return tokens;
}

/**
 * Read a state diagram as Mermaid's grammar would. Throws naming the first token it would not accept.
 *
 * @example parseStateDiagram('stateDiagram-v2\n  [*] --> A\n').relations // [{ from: '[*]', to: 'A' }]
 */
export function parseStateDiagram(text: string): ParsedStateDiagram {
  const tokens = tokenize(text).filter((t) => t.type !== 'NL');
  const result: ParsedStateDiagram = {
    aliases: new Map(),
    relations: [],
    classDefs: new Map(),
    classes: [],
    composites: new Map(),
  };
  let i = 0;
  const next = (...types: string[]): Token => {
    const token = tokens[i];
    if (!token || !types.includes(token.type)) {
      throw new Error(
        `expected ${types.join(' or ')}, got ${token ? `${token.type} ${JSON.stringify(token.text)}` : 'the end'}`,
      );
    }
    i++;
    return token;
  };
  const declare = (parent: string | undefined, id: string) => {
    if (parent === undefined || id === '[*]') return;
    const children = result.composites.get(parent)!;
    if (!children.includes(id)) children.push(id);
  };
  /** The statements of the top level, or of a composite state's braces up to (not including) its `}`. */
  const document = (parent: string | undefined): void => {
    while (i < tokens.length && !(parent !== undefined && tokens[i]!.type === 'STRUCT_STOP')) {
      const first = next('ID', 'EDGE_STATE', 'STATE_DESCR', 'COMPOSIT_STATE', 'classDef', 'class');
      if (first.type === 'STATE_DESCR' || first.type === 'COMPOSIT_STATE') {
        let id = first.text.trim();
        if (first.type === 'STATE_DESCR') {
          next('AS');
          id = next('ID').text.trim();
          result.aliases.set(id, first.text.trim());
        }
        declare(parent, id);
        if (tokens[i]?.type === 'STRUCT_START') {
          next('STRUCT_START');
          if (!result.composites.has(id)) result.composites.set(id, []);
          document(id);
          next('STRUCT_STOP');
        }
      } else if (first.type === 'classDef') {
        const id = next('CLASSDEF_ID').text.trim();
        result.classDefs.set(id, next('CLASSDEF_STYLEOPTS').text.trim());
      } else if (first.type === 'class') {
        const ids = next('CLASSENTITY_IDS')
          .text.split(',')
          .map((s) => s.trim());
        result.classes.push({ ids, className: next('STYLECLASS').text.trim() });
      } else {
        next('-->');
        const to = next('ID', 'EDGE_STATE').text.trim();
        const relation: ParsedRelation = { from: first.text.trim(), to };
        if (tokens[i]?.type === 'DESCR') relation.label = next('DESCR').text.trim().slice(1).trim();
        if (parent !== undefined) relation.parent = parent;
        declare(parent, relation.from);
        declare(parent, relation.to);
        result.relations.push(relation);
      }
    }
  };
  next('SD');
  document(undefined);
  return result;
}
