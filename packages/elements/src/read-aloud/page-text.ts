/**
 * What a page says, in reading order, each piece with the language it is shown in: read from the
 * rendered page itself (slotted host content included), so what is heard is what is on screen.
 * Loaded with the player, on the first use of Listen.
 */

/** What a piece of a question page is (recordings replace some; the hint moves to the end). */
export type BlockRole = 'instructions' | 'item' | 'option' | 'hint' | 'text';

/** One piece of text to read, in the language its element says (`lang`). */
export interface Block {
  text: string;
  lang: string;
  role: BlockRole;
}

/**
 * Never read: controls (their labels say what they do, not what the page says), what is hidden
 * or only for screen readers, the progress line, technical detail, and whatever a screen marks
 * with `data-read-aloud="skip"` (e.g. a copyright line).
 */
const SKIP =
  'button,select,input,textarea,dialog,script,style,template,svg,[hidden],[aria-hidden="true"],.visually-hidden,.technical,[part~="progress"],[data-read-aloud="skip"]';

function roleOf(element: Element): BlockRole {
  if (element.closest('[part~="option"]')) return 'option';
  if (element.closest('legend')) return 'item';
  if (element.closest('.instructions')) return 'instructions';
  if (element.closest('.hint')) return 'hint';
  return 'text';
}

/**
 * The text of the nodes after `from` (its later siblings), in document order through slots
 * (assigned content, else the fallback), split at block boundaries and where the language or
 * role changes; whitespace collapsed, empty pieces dropped.
 */
export function pageBlocks(from: Element): Block[] {
  const fallbackLang = from.closest('[lang]')?.getAttribute('lang') ?? '';
  const blocks: Block[] = [];
  let run: Block | null = null;
  const flush = (): void => {
    const text = run?.text.replace(/\s+/g, ' ').trim();
    if (run !== null && text) blocks.push({ ...run, text });
    run = null;
  };
  const visit = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentElement;
      if (parent === null) return;
      const lang = parent.closest('[lang]')?.getAttribute('lang') ?? fallbackLang;
      const role = roleOf(parent);
      if (run !== null && (run.lang !== lang || run.role !== role)) flush();
      run ??= { text: '', lang, role };
      run.text += node.textContent ?? '';
      return;
    }
    if (!(node instanceof Element) || node.matches(SKIP)) return;
    const { display, visibility } = getComputedStyle(node);
    if (display === 'none' || visibility === 'hidden') return;
    // Each option is a piece of its own, whatever its display.
    const block = node.matches('[part~="option"]') || (!display.startsWith('inline') && display !== 'contents');
    if (block) flush();
    const children = node instanceof HTMLSlotElement ? node.assignedNodes({ flatten: true }) : [...node.childNodes];
    for (const child of children) visit(child);
    if (block) flush();
  };
  for (let node = from.nextSibling; node !== null; node = node.nextSibling) visit(node);
  flush();
  return blocks;
}

/** `n` in the digits of `lang` (Arabic-Indic in Arabic, say). */
function numberIn(lang: string, n: number): string {
  try {
    return new Intl.NumberFormat(lang).format(n);
  } catch {
    return String(n);
  }
}

/**
 * A question page in the order it is read: the instructions where shown, the question (stem and
 * item), then each option with its position ("1: Not at all"), then how to answer (the hint,
 * which the page shows above the options).
 */
export function readingOrder(blocks: readonly Block[]): Block[] {
  let position = 0;
  const numbered = blocks.map((block) =>
    block.role === 'option' ? { ...block, text: `${numberIn(block.lang, ++position)}: ${block.text}` } : block,
  );
  const hints = numbered.filter((block) => block.role === 'hint');
  const rest = numbered.filter((block) => block.role !== 'hint');
  let lastAnswer = -1;
  rest.forEach((block, index) => {
    if (block.role === 'option' || block.role === 'item') lastAnswer = index;
  });
  rest.splice(lastAnswer + 1, 0, ...hints);
  return rest;
}
