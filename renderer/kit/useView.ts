// Reading ready views for a page: a view live (optionally compared with an earlier snapshot, for
// the caption's "sedan …") or a snapshot. Analysverkstad sessions and kvalitetsråd meetings both
// store snapshot ids and draw the answers with ViewPanel.
import type { ViewRef } from '../../db/api/contract.ts';
import { useQuery, type QueryOptions } from './useQuery.ts';

/** A view run with today's data; null waits. */
export function useLiveView(ref: ViewRef | null, previousSnapshotId?: string, options?: QueryOptions) {
  return useQuery('views.run', ref === null ? null : { ...ref, ...(previousSnapshotId ? { previousSnapshotId } : {}) }, options);
}

/** A frozen view by snapshot id; null waits. */
export function useSnapshot(id: string | null, previousSnapshotId?: string, options?: QueryOptions) {
  return useQuery('views.snapshot', id === null ? null : { id, ...(previousSnapshotId ? { previousSnapshotId } : {}) }, options);
}
