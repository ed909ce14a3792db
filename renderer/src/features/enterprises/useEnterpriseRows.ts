// The rows the enterprise list shows: pages in name order loaded as the user scrolls, or the
// search hits for a query. Only what has been scrolled to is ever held in React state.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Enterprise } from '../../../../shared/domain/records';
import { pageEnterprises, searchEnterprises, type PageCursor } from './enterpriseRepo';

const pageSize = 100;

export interface EnterpriseRows {
  rows: Enterprise[];
  hasMore: boolean;
  loading: boolean;
  loadMore: () => void;
}

interface Loaded {
  /** Which query/reload these rows answer. */
  request: string;
  rows: Enterprise[];
  hasMore: boolean;
  loadingMore: boolean;
}

export function useEnterpriseRows(query: string, reloadToken: number): EnterpriseRows {
  const request = `${reloadToken}\u0000${query}`;
  const [loaded, setLoaded] = useState<Loaded>({ request: '', rows: [], hasMore: false, loadingMore: false });
  const cursor = useRef<PageCursor | undefined>(undefined);
  // The request being answered, so a slow answer for an old query is dropped.
  const latest = useRef(request);

  useEffect(() => {
    latest.current = request;
    cursor.current = undefined;
    const load = query.trim()
      ? searchEnterprises(query).then((hits) => ({ rows: hits, next: undefined }))
      : pageEnterprises(undefined, pageSize);
    void load.then((page) => {
      if (latest.current !== request) return;
      cursor.current = page.next;
      setLoaded({ request, rows: page.rows, hasMore: page.next !== undefined, loadingMore: false });
    });
  }, [query, request]);

  const current = loaded.request === request;

  const loadMore = useCallback(() => {
    const from = cursor.current;
    const mine = latest.current;
    if (!from) return;
    cursor.current = undefined; // one page at a time
    setLoaded((before) => ({ ...before, loadingMore: true }));
    void pageEnterprises(from, pageSize).then((page) => {
      if (latest.current !== mine) return;
      cursor.current = page.next;
      setLoaded((before) => ({
        request: mine,
        rows: [...before.rows, ...page.rows],
        hasMore: page.next !== undefined,
        loadingMore: false,
      }));
    });
  }, []);

  // While a new query is answered, the previous rows stay on screen (no flicker as the user types).
  return { rows: loaded.rows, hasMore: current && loaded.hasMore, loading: !current || loaded.loadingMore, loadMore };
}
