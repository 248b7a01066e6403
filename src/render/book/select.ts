import type { Status } from '../../model/types.js';
import type { PrintableSop } from '../pdf/sources.js';

/** Stages of an SOP in force: the only ones an adopting decision adopts. */
export const IN_FORCE: readonly Status[] = ['approved', 'implemented', 'evaluated'];

/** Which SOPs go into the book besides those in force. */
export interface BookSelectionOptions {
  /** Drafts too (a review copy: they keep the KONSEP watermark, the cover says so). */
  includeDrafts?: boolean;
  /** Withdrawn SOPs too (never by default). */
  includeWithdrawn?: boolean;
}

/** The SOPs of a book and those left out because of their stage. */
export interface BookSelection {
  /** SOPs that go into the book (input order). */
  sops: PrintableSop[];
  /** SOPs left out for their stage, with it. */
  left: Array<{ item: PrintableSop; status: string }>;
  /** Whether drafts are in the book (it is then a review copy). */
  review: boolean;
}

/**
 * Choose the book's SOPs: by default only those in force (approved, implemented, evaluated); drafts with
 * `includeDrafts`, withdrawn ones with `includeWithdrawn`. The book, its contents and the decision's attachment
 * list are all made from this one selection, so they cannot disagree.
 */
export function selectBookSops(items: readonly PrintableSop[], opts: BookSelectionOptions = {}): BookSelection {
  const sops: PrintableSop[] = [];
  const left: BookSelection['left'] = [];
  for (const item of items) {
    const status = String(item.sop.status ?? '');
    const wanted =
      (IN_FORCE as readonly string[]).includes(status) ||
      (status === 'draft' && opts.includeDrafts === true) ||
      (status === 'withdrawn' && opts.includeWithdrawn === true);
    if (wanted) sops.push(item);
    else left.push({ item, status });
  }
  return { sops, left, review: sops.some((s) => s.sop.status === 'draft') };
}
