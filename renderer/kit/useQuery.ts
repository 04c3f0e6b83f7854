// The one way a page reads data: a contract method (or a few at once) called through the api
// client, with loading, error and reload. The newest request wins: an answer to older inputs, an
// answer after unmount or after a local setData is ignored, and its download is stopped (a list of
// thousands still on its way would otherwise hold up the next one). Data stays on screen while reloading.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { MethodInput, MethodName, MethodResult } from '../../db/api/contract.ts';
import { call, errorMessage } from '../api.ts';
import { errorNotice, useStatus } from '../components/Status.tsx';

export interface Query<T> {
  /** The last answer; kept while new inputs or a reload load (undefined before the first). */
  data: T | undefined;
  /** True while a request for the current inputs (or a reload) is under way. */
  loading: boolean;
  /** True when `data` answers the current inputs (not those before a change that is still loading). */
  current: boolean;
  /** The Swedish message of the last failure, cleared by the next answer. */
  error: string | null;
  /** Asks again with the same inputs; resolves when the answer is shown (or ignored). */
  reload: () => Promise<void>;
  /** Shows a value from a write's own result; ignores answers to requests still under way. */
  setData: (value: T) => void;
  /** Changes the shown value in place, e.g. one row replaced by a saved one. */
  update: (change: (current: T) => T) => void;
}

/** Inputs that name a request; compared by value, so an inline literal does not load again. */
export type QueryKey = readonly (string | number | boolean | null | undefined)[];

export interface QueryOptions {
  /** Report failures in the status line (default). Dialogs show `error` themselves. */
  report?: boolean;
  /** Forget the data when the inputs change, e.g. a history for another row. */
  resetOnChange?: boolean;
  /** More inputs that should load again, besides the method's input. */
  deps?: QueryKey;
}

interface Settled<T> {
  data: T | undefined;
  error: string | null;
  /** The inputs the data belongs to. */
  key: string;
  /** The inputs whose request has answered, successfully or not. */
  settledKey: string | null;
}

/**
 * Loads with `load` whenever `deps` change; `load` null waits (e.g. a closed dialog). `load` gets
 * a signal that aborts once its answer can no longer be shown; it must only read.
 */
export function useLoad<T>(load: ((signal: AbortSignal) => Promise<T>) | null, deps: QueryKey, options: QueryOptions = {}): Query<T> {
  const status = useStatus();
  const key = JSON.stringify(deps);
  const enabled = load !== null;
  const [state, setState] = useState<Settled<T>>({ data: undefined, error: null, key, settledKey: null });
  const [reloading, setReloading] = useState(0);
  const latest = useRef({ load, key, report: options.report !== false, status });
  const requestId = useRef(0);
  /** The request whose answer may still be shown; aborted as soon as it cannot. */
  const inFlight = useRef<AbortController | null>(null);

  useLayoutEffect(() => {
    latest.current = { load, key, report: options.report !== false, status };
  });

  /** Runs one request; only the newest request may change what is shown. */
  const run = useCallback(async () => {
    const { load: current, key: forKey } = latest.current;
    if (!current) return;
    const id = ++requestId.current;
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    try {
      const data = await current(controller.signal);
      if (id === requestId.current) setState({ data, error: null, key: forKey, settledKey: forKey });
    } catch (error) {
      if (id !== requestId.current || controller.signal.aborted) return;
      const message = errorMessage(error);
      setState((s) => ({ ...s, error: message, settledKey: forKey }));
      if (latest.current.report) latest.current.status(errorNotice(error));
    }
  }, []);

  useEffect(() => {
    if (!enabled) return;
    void run();
    // A later input or unmount makes this request's answer stale (the counter, not a node).
    const requests = requestId;
    const pending = inFlight;
    return () => {
      requests.current++;
      pending.current?.abort();
    };
  }, [enabled, key, run]);

  const reload = useCallback(async () => {
    setReloading((n) => n + 1);
    try {
      await run();
    } finally {
      setReloading((n) => n - 1);
    }
  }, [run]);

  // A write's result is newer than any answer still on its way, and belongs to the current inputs.
  const setData = useCallback((data: T) => {
    requestId.current++;
    inFlight.current?.abort();
    const forKey = latest.current.key;
    setState({ data, error: null, key: forKey, settledKey: forKey });
  }, []);

  const update = useCallback((change: (current: T) => T) => {
    const forKey = latest.current.key;
    setState((s) => {
      if (s.data === undefined) return s;
      requestId.current++;
      inFlight.current?.abort();
      return { data: change(s.data), error: null, key: forKey, settledKey: forKey };
    });
  }, []);

  const stale = state.key !== key;
  return {
    data: stale && options.resetOnChange ? undefined : state.data,
    loading: enabled && (state.settledKey !== key || reloading > 0),
    current: !stale && state.data !== undefined,
    error: stale && options.resetOnChange ? null : state.error,
    reload,
    setData,
    update,
  };
}

/** Calls one contract method; `input` null waits. Loads again when the input (by value) changes. */
export function useQuery<M extends MethodName>(method: M, input: MethodInput<M> | null, options: QueryOptions = {}): Query<MethodResult<M>> {
  return useLoad(input === null ? null : (signal) => call(method, input, { signal }), [method, JSON.stringify(input), ...(options.deps ?? [])], options);
}
