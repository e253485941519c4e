/**
 * A reader of Mermaid `stateDiagram-v2` text for tests, written after the lexer rules of Mermaid's own grammar
 * (packages/mermaid/src/diagrams/state/parser/stateDiagram.jison in mermaid-js/mermaid): the rules are tried in
 * the grammar's order, first match wins, case is ignored, and the lexer's exclusive start conditions (after
 * `state`, `classDef`, `class`) are followed. It understands the statements toMermaid writes (relations, aliases,
 * classDef, class) and throws on any token sequence Mermaid's grammar would reject or read as something else
 * (a note, a scale, a direction, a fork...), so a status or label that the real parser would misread fails here.
 */

/** What a diagram says, as plain data: aliases (id → label), relations, class definitions and assignments. */
export interface ParsedStateDiagram {
  aliases: Map<string, string>;
  relations: { from: string; to: string; label?: string }[];
  classDefs: Map<string, string>;
  classes: { ids: string[]; className: string }[];
}

type Condition =
  | 'INITIAL'
  | 'STATE'
  | 'STATE_STRING'
  | 'STATE_ID'
  | 'CLASSDEF'
  | 'CLASSDEFID'
  | 'CLASS'
  | 'CLASS_STYLE';

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

/** The lexer rules that apply to the conditions above, in the grammar's order. */
const RULES: readonly Rule[] = [
  rule(I, 'default', 'DEFAULT'),
  rule(I, '.*direction\\s+(?:TB|BT|RL|LR)[^\\n]*', 'direction'),
  rule(I, '%%(?!\\{)[^\\n]*', null),
  rule(I, '[^}]%%[^\\n]*', null),
  rule(I, '[\\n]+', 'NL'),
  rule(I, '\\s+', null),
  rule(['STATE'], '(?:(?!\\n)\\s)+', null),
  rule(['INITIAL', 'STATE'], '#[^\\n]*', null),
  rule(I, '%%[^\\n]*', null),
  rule(I, 'scale\\s+', 'scale'),
  rule(I, 'accTitle\\s*:\\s*', 'acc_title'),
  rule(I, 'accDescr\\s*:\\s*', 'acc_descr'),
  rule(I, 'accDescr\\s*\\{\\s*', 'acc_descr_multiline'),
  rule(I, 'classDef\\s+', 'classDef', { push: 'CLASSDEF' }),
  rule(['CLASSDEF'], 'DEFAULT\\s+', 'DEFAULT_CLASSDEF_ID', { pop: true, push: 'CLASSDEFID' }),
  rule(['CLASSDEF'], '\\w+\\s+', 'CLASSDEF_ID', { pop: true, push: 'CLASSDEFID' }),
  rule(['CLASSDEFID'], '[^\\n]*', 'CLASSDEF_STYLEOPTS', { pop: true }),
  rule(I, 'class\\s+', 'class', { push: 'CLASS' }),
  rule(['CLASS'], '(?:\\w+)+(?:(?:,\\s*\\w+)*)', 'CLASSENTITY_IDS', { pop: true, push: 'CLASS_STYLE' }),
  rule(['CLASS_STYLE'], '[^\\n]*', 'STYLECLASS', { pop: true }),
  rule(I, 'state\\s+', null, { push: 'STATE' }),
  rule(
    ['STATE'],
    '.*(?:<<fork>>|<<join>>|<<choice>>|\\[\\[fork\\]\\]|\\[\\[join\\]\\]|\\[\\[choice\\]\\])',
    'FORK_JOIN_CHOICE',
    {
      pop: true,
    },
  ),
  rule(['STATE'], '"', null, { push: 'STATE_STRING' }),
  rule(['STATE'], '\\s*as\\s+', 'AS', { push: 'STATE_ID' }),
  rule(['STATE_ID'], '[^\\n{]*', 'ID', { pop: true }),
  rule(['STATE_STRING'], '"', null, { pop: true }),
  rule(['STATE_STRING'], '[^"]*', 'STATE_DESCR'),
  rule(['STATE'], '[^\\n\\s{]+', 'COMPOSIT_STATE'),
  rule(['STATE'], '\\n', null, { pop: true }),
  rule(['INITIAL', 'STATE'], '\\{', 'STRUCT_START', { pop: true }),
  rule(I, 'note\\s+', 'note'),
  rule(I, 'stateDiagram\\s+', 'SD'),
  rule(I, 'stateDiagram-v2\\s+', 'SD'),
  rule(I, 'hide empty description', 'HIDE_EMPTY'),
  rule(I, '\\[\\*\\]', 'EDGE_STATE'),
  rule(I, '[^:\\n\\s\\-{]+', 'ID'),
  rule(I, '\\s*:[^:\\n;]+', 'DESCR'),
  rule(I, '-->', '-->'),
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
    if (found.pop) stack.pop();
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
  const result: ParsedStateDiagram = { aliases: new Map(), relations: [], classDefs: new Map(), classes: [] };
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
  next('SD');
  while (i < tokens.length) {
    const first = next('ID', 'EDGE_STATE', 'STATE_DESCR', 'classDef', 'class');
    if (first.type === 'STATE_DESCR') {
      next('AS');
      result.aliases.set(next('ID').text.trim(), first.text.trim());
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
      const relation: ParsedStateDiagram['relations'][number] = { from: first.text.trim(), to };
      if (tokens[i]?.type === 'DESCR') relation.label = next('DESCR').text.trim().slice(1).trim();
      result.relations.push(relation);
    }
  }
  return result;
}
