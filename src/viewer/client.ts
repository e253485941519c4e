/**
 * The viewer page's script. `viewerClient` runs in the browser: `viewerHtml` embeds its source text, so it must
 * not use anything from outside its own body (type imports only). It reads the data from the page's
 * `#viewer-data` JSON, builds the instance picker and the step list, and highlights the current step on the
 * diagram; arrows, Home and End (and the buttons) move through the steps.
 */
import type { ViewerData, ViewerInstance } from './viewerData.js';

/** Runs in the page (see the module comment); never called in Node. */
export function viewerClient(): void {
  const dataElement = document.getElementById('viewer-data');
  const data = JSON.parse(dataElement?.textContent ?? '{}') as ViewerData;
  const statusIndex = new Map(data.statuses.map((status, index) => [status, index]));
  const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
  const picker = byId<HTMLSelectElement>('instance-picker');
  const stepList = byId<HTMLOListElement>('steps');
  const summary = byId<HTMLElement>('summary');
  const current = byId<HTMLElement>('current');
  const diagram = byId<HTMLElement>('diagram');

  interface Step {
    index: number;
    status: string;
    /** The status as the model spells it, or undefined when unknown. */
    known: string | undefined;
    time: string | number | undefined;
    line: number | undefined;
    from: string | undefined;
    events: string[];
    missed: string[];
    problems: string[];
    notes: string[];
  }

  let steps: Step[] = [];
  let position = 0;

  function stepsOf(item: ViewerInstance): Step[] {
    const verdict = item.verdict;
    let previous: string | undefined;
    return item.observations.map((observation, index) => {
      const note = verdict.notes.find((n) => n.index === index);
      const known = statusIndex.has(observation.status) ? observation.status : note?.status;
      const explained = (verdict.steps ?? []).find((s) => s.index === index);
      const step: Step = {
        index,
        status: observation.status,
        known,
        time: observation.time,
        line: observation.line,
        from: previous,
        events: explained ? explained.events : [],
        missed: explained ? explained.missed : [],
        problems: verdict.violations.filter((v) => v.index === index).map((v) => v.message),
        notes: note ? [note.message] : [],
      };
      previous = known;
      return step;
    });
  }

  function describe(step: Step): string {
    if (step.known === undefined) return 'unknown status';
    if (step.from === undefined) return step.index === 0 ? 'first observation' : 'starts afresh';
    if (step.from === step.known) return 'no change';
    if (step.events.length > 0) return `${step.from} → ${step.known} by ${step.events.join(', then ')}`;
    return `${step.from} → ${step.known}`;
  }

  /** A step the validator rejected without explaining it (an illegal change, an unknown status): its message says it all. */
  function unexplained(step: Step): boolean {
    return step.problems.length > 0 && step.events.length === 0;
  }

  function text(tag: string, className: string, content: string): HTMLElement {
    const element = document.createElement(tag);
    element.className = className;
    element.textContent = content;
    return element;
  }

  function renderSteps(): void {
    stepList.replaceChildren(
      ...steps.map((step, index) => {
        const item = document.createElement('li');
        item.className =
          'step' + (step.problems.length > 0 ? ' illegal' : '') + (step.missed.length > 0 ? ' has-missed' : '');
        item.dataset.index = String(index);
        item.append(
          text('span', 'time', step.time === undefined ? `#${index + 1}` : String(step.time)),
          text('span', 'status', step.status),
        );
        if (!unexplained(step)) item.append(text('span', 'explain', describe(step)));
        if (step.missed.length > 0) item.append(text('span', 'missed', `missed: ${step.missed.join(', ')}`));
        for (const problem of step.problems) item.append(text('span', 'problem', problem));
        for (const note of step.notes) item.append(text('span', 'note', note));
        item.addEventListener('click', () => show(index));
        return item;
      }),
    );
  }

  function element(id: string): Element | null {
    return diagram.querySelector(`[id="${id}"]`);
  }

  function clearDiagram(): void {
    for (const name of ['current', 'illegal', 'previous', 'missed', 'taken']) {
      for (const marked of Array.from(diagram.querySelectorAll(`.${name}`))) marked.classList.remove(name);
    }
  }

  function markTransition(from: string, to: string, event: string): void {
    const index = data.transitions.findIndex((t) => t.from === from && t.to === to && t.event === event);
    if (index >= 0) element(`transition-${index}`)?.classList.add('taken');
  }

  function show(index: number): void {
    if (steps.length === 0) return;
    position = Math.max(0, Math.min(steps.length - 1, index));
    const step = steps[position]!;
    clearDiagram();
    if (step.known !== undefined) {
      const node = element(`state-${statusIndex.get(step.known)}`);
      node?.classList.add('current');
      node?.scrollIntoView({ block: 'nearest', inline: 'nearest' }); // a big diagram scrolls in its panel
      if (step.problems.length > 0) node?.classList.add('illegal');
    }
    if (step.problems.length > 0 && step.from !== undefined && step.from !== step.known) {
      element(`state-${statusIndex.get(step.from)}`)?.classList.add('previous');
    }
    for (const missed of step.missed) element(`state-${statusIndex.get(missed)}`)?.classList.add('missed');
    if (step.from !== undefined && step.known !== undefined && step.events.length > 0) {
      const path = [step.from, ...step.missed, step.known];
      for (const [hop, event] of step.events.entries()) markTransition(path[hop]!, path[hop + 1]!, event);
    }
    for (const item of Array.from(stepList.children)) {
      const selected = (item as HTMLElement).dataset.index === String(position);
      item.classList.toggle('selected', selected);
      if (selected) {
        item.setAttribute('aria-current', 'step');
        item.scrollIntoView({ block: 'nearest' });
      } else {
        item.removeAttribute('aria-current');
      }
    }
    const where = step.line === undefined ? '' : ` (line ${step.line})`;
    const explanation = unexplained(step) ? '' : ` — ${describe(step)}`;
    const problems = step.problems.length > 0 ? ` — illegal: ${step.problems.join('; ')}` : '';
    current.textContent = `Step ${position + 1} of ${steps.length}${where}: ${step.status}${explanation}${problems}`;
    current.classList.toggle('illegal', step.problems.length > 0);
  }

  function choose(instanceIndex: number): void {
    const item = data.instances[instanceIndex];
    if (!item) return;
    steps = stepsOf(item);
    const count = item.verdict.violations.length;
    summary.textContent =
      `${item.label}: ${item.observations.length} observations, ` +
      (count === 0 ? 'legal' : `${count} problem${count === 1 ? '' : 's'}`) +
      ` (${data.mode} mode${data.fromStart ? ', from the start' : ''})`;
    summary.classList.toggle('illegal', count > 0);
    renderSteps();
    show(0);
  }

  function nextProblem(): void {
    const found = steps.findIndex((step, index) => index > position && step.problems.length > 0);
    const first = steps.findIndex((step) => step.problems.length > 0);
    if (found >= 0) show(found);
    else if (first >= 0) show(first);
  }

  if (data.instances.length === 0) {
    byId<HTMLElement>('history').hidden = true;
    return;
  }
  picker.replaceChildren(
    ...data.instances.map((item, index) => {
      const option = document.createElement('option');
      option.value = String(index);
      const count = item.verdict.violations.length;
      option.textContent =
        count === 0 ? `✓ ${item.label}` : `✗ ${item.label} (${count} problem${count === 1 ? '' : 's'})`;
      return option;
    }),
  );
  byId<HTMLElement>('picker-row').hidden = data.instances.length < 2;
  picker.addEventListener('change', () => choose(Number(picker.value)));
  byId<HTMLButtonElement>('first').addEventListener('click', () => show(0));
  byId<HTMLButtonElement>('previous').addEventListener('click', () => show(position - 1));
  byId<HTMLButtonElement>('next').addEventListener('click', () => show(position + 1));
  byId<HTMLButtonElement>('last').addEventListener('click', () => show(steps.length - 1));
  byId<HTMLButtonElement>('next-problem').addEventListener('click', nextProblem);
  document.addEventListener('keydown', (event) => {
    if (event.target instanceof HTMLSelectElement || event.altKey || event.ctrlKey || event.metaKey) return;
    const moves = new Map<string, () => void>([
      ['ArrowRight', () => show(position + 1)],
      ['ArrowDown', () => show(position + 1)],
      ['ArrowLeft', () => show(position - 1)],
      ['ArrowUp', () => show(position - 1)],
      ['Home', () => show(0)],
      ['End', () => show(steps.length - 1)],
    ]);
    const move = moves.get(event.key);
    if (!move) return;
    event.preventDefault();
    move();
  });
  choose(0);
}
