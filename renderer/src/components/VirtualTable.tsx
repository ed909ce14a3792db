// The one virtualised table of the long lists (企业名录, 我的联系企业): a header row and a scrolling
// body that renders only the rows on screen, so 20,000 rows scroll smoothly. A page calls
// useVirtualRows (it may want to know which rows are on screen, e.g. to count their open problems)
// and hands the result to <VirtualTable>. Accessible as a table: role="table", rows and cells.
import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useEffect, useState, type ReactNode } from 'react';

export interface VirtualRows<T> {
  rows: readonly T[];
  rowHeight: number;
  /** Callback ref for the scrolling body (a state setter, so the virtualiser re-reads it when set). */
  attachScrollBody: (element: HTMLDivElement | null) => void;
  items: VirtualItem[];
  totalSize: number;
  /** The rows drawn now (on screen plus the overscan). */
  visible: T[];
}

/** Virtualises `rows`; scrolls back to the top whenever `resetKey` changes (a new search or filter). */
export function useVirtualRows<T>(rows: readonly T[], rowHeight: number, resetKey?: unknown): VirtualRows<T> {
  const [scrollElement, attachScrollBody] = useState<HTMLDivElement | null>(null);
  // TanStack Virtual returns functions that change every render; the React Compiler therefore leaves
  // the caller unmemoised, which is what a scrolling list needs anyway.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollElement,
    estimateSize: () => rowHeight,
    overscan: 8,
  });
  useEffect(() => {
    scrollElement?.scrollTo({ top: 0 });
  }, [resetKey, scrollElement]);
  const items = virtualizer.getVirtualItems();
  const visible = items.map((item) => rows[item.index]).filter((row): row is T => row !== undefined);
  return { rows, rowHeight, attachScrollBody, items, totalSize: virtualizer.getTotalSize(), visible };
}

export interface VirtualColumn<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** The full text on hover, for a cell that may be cut. */
  title?: (row: T) => string | undefined;
  className?: string;
  /** Makes the header clickable (sorting). */
  onHeaderClick?: () => void;
  /** The column the rows are sorted by, for screen readers (aria-sort). */
  sorted?: 'ascending' | 'descending';
}

export interface VirtualTableProps<T> {
  label: string;
  table: VirtualRows<T>;
  columns: readonly VirtualColumn<T>[];
  rowKey: (row: T) => string;
  /** CSS grid columns when they differ from the stylesheet's default. */
  gridColumns?: string;
  onRowClick?: (row: T) => void;
  /** Shown above the rows: the loading spinner or the empty message. */
  placeholder?: ReactNode;
}

export function VirtualTable<T>({ label, table, columns, rowKey, gridColumns, onRowClick, placeholder }: VirtualTableProps<T>) {
  const grid = gridColumns ? { gridTemplateColumns: gridColumns } : undefined;
  const { attachScrollBody, rows, items, totalSize, rowHeight } = table;
  return (
    <div className="vtable" role="table" aria-label={label} aria-rowcount={rows.length}>
      <div className="vtable-row vtable-head" role="row" style={grid}>
        {columns.map((c) => (
          <div
            key={c.key}
            role="columnheader"
            className={`vtable-cell${c.onHeaderClick ? ' vtable-clickable' : ''}`}
            aria-sort={c.sorted}
            onClick={c.onHeaderClick}
          >
            {c.header}
          </div>
        ))}
      </div>
      <div ref={attachScrollBody} className="vtable-body" role="rowgroup">
        {placeholder}
        <div style={{ height: totalSize, position: 'relative' }}>
          {items.map((item) => {
            const row = rows[item.index];
            if (row === undefined) return null;
            return (
              <div
                key={rowKey(row)}
                role="row"
                className={`vtable-row${onRowClick ? ' vtable-clickable' : ''}`}
                style={{ ...grid, position: 'absolute', top: 0, left: 0, right: 0, height: rowHeight, transform: `translateY(${item.start}px)` }}
                onClick={onRowClick ? () => onRowClick(row) : undefined}
              >
                {columns.map((c) => (
                  <div key={c.key} role="cell" className={`vtable-cell${c.className ? ` ${c.className}` : ''}`} title={c.title?.(row)}>
                    {c.cell(row)}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
