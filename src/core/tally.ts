/**
 * Counting rows into many tallies at once, for `summarize`. A row goes into its sheet's tally, its
 * lead and cooperating departments' and its category's: adding it to each (a switch and up to four
 * fields, a Map lookup per department name) was most of `summarize`'s 48 ms at 50,000 rows. Here
 * the row is classified once (`rowClass`: one small number), each tally is a count per class, and
 * the rows are tallied per distinct department list (the engine's lists are frozen and shared by
 * every row with the same cell text, so the list itself is the key) and per category text; the
 * tallies become `Counts` per name only at the end, a few dozen additions in all.
 */
import type { Counts } from './summary';
import type { RowReport } from './types';

/**
 * The classes: progress state (six: done, long-term, in progress, not started, unclear, no status)
 * × where the report sentence puts the row (0 completed, 1 overdue, 2 ongoing and due soon,
 * 3 ongoing). Every count of rows in summary.ts goes through a tally, so this is the one place a
 * row is classified.
 */
export const CLASSES = 24;

/** A row's class: completed rows (done, long-term) are never overdue or ongoing. */
export function rowClass(r: RowReport): number {
  let state: number;
  switch (r.state) {
    case 'done':
      return 0;
    case 'long_term':
      return 4;
    case 'in_progress':
      state = 2;
      break;
    case 'not_started':
      state = 3;
      break;
    case 'unknown':
      state = 4;
      break;
    default:
      state = 5;
  }
  return state * 4 + (r.overdue ? 1 : r.dueSoon ? 2 : 3);
}

export type Tally = Int32Array;

export const newTally = (): Tally => new Int32Array(CLASSES);

/** Adds a tally's rows to counts (completion rate left to the caller, once all are in). */
export function addTally(to: Counts, tally: Tally): void {
  for (let k = 0; k < CLASSES; k++) {
    const n = tally[k];
    if (n === 0) continue;
    to.measures += n;
    switch (k >> 2) {
      case 0:
        to.done += n;
        break;
      case 1:
        to.longTerm += n;
        break;
      case 2:
        to.inProgress += n;
        break;
      case 3:
        to.notStarted += n;
        break;
      case 4:
        to.unknown += n;
        break;
      default:
        to.missingStatus += n;
    }
    const where = k & 3;
    if (where === 0) to.completed += n;
    else if (where === 1) to.overdue += n;
    else {
      to.ongoing += n;
      if (where === 2) to.dueSoon += n;
    }
  }
}

/**
 * Past this many distinct lists (not the engine's shared ones: a caller building a fresh array per
 * row), lists are keyed by their text instead, so the tallies stay as few as the distinct texts.
 */
const MAX_LISTS = 1024;

/** One tally per distinct list of names, in the order the lists first appear. */
export class ListTallies {
  readonly entries: { names: readonly string[]; tally: Tally }[] = [];
  private readonly byList = new Map<readonly string[], Tally>();
  private readonly byText = new Map<string, Tally>();

  of(names: readonly string[]): Tally {
    return this.byList.get(names) ?? this.fresh(names);
  }

  private fresh(names: readonly string[]): Tally {
    if (this.byList.size < MAX_LISTS) {
      const tally = newTally();
      this.byList.set(names, tally);
      this.entries.push({ names, tally });
      return tally;
    }
    // NUL cannot occur in a cell's text (XML forbids it), so the joined text names the list.
    const key = names.join('\u0000');
    let tally = this.byText.get(key);
    if (!tally) {
      tally = newTally();
      this.byText.set(key, tally);
      this.entries.push({ names, tally });
    }
    return tally;
  }
}

/** One tally per distinct text, in the order the texts first appear. */
export class TextTallies {
  readonly byText = new Map<string, Tally>();

  of(text: string): Tally {
    let tally = this.byText.get(text);
    if (!tally) {
      tally = newTally();
      this.byText.set(text, tally);
    }
    return tally;
  }
}
