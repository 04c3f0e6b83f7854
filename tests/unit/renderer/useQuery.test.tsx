// The data-loading hook: loading then data, failures in the status line, the newest request
// winning over older answers (whose downloads are aborted), reload keeping the data on screen, and
// a write's result shown as is.
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OperatingAreaRow } from '../../../db/api/contract.ts';
import { useLoad, useQuery, type Query, type QueryKey } from '../../../renderer/kit/useQuery.ts';
import { value } from '../../helpers/db.ts';
import { bridgeToTestDatabase, deferred, render, settle } from './render.tsx';

/** Renders the hook and hands every render's result to the test. */
function Probe<T>(props: { load: ((signal: AbortSignal) => Promise<T>) | null; deps: QueryKey; seen: Query<T>[]; resetOnChange?: boolean }) {
  const query = useLoad(props.load, props.deps, { resetOnChange: props.resetOnChange ?? false });
  props.seen.push(query);
  return <p data-testid="out">{query.loading ? 'laddar' : String(query.data ?? '')}</p>;
}

const last = <T,>(seen: Query<T>[]) => seen[seen.length - 1] as Query<T>;

afterEach(() => {
  vi.unstubAllGlobals();
  delete window.api;
  document.body.innerHTML = '';
});

describe('useLoad', () => {
  it('is loading until the answer comes, then shows the data', async () => {
    const answer = deferred<string>();
    const seen: Query<string>[] = [];
    const view = render(<Probe load={() => answer.promise} deps={['a']} seen={seen} />);
    expect(last(seen)).toMatchObject({ loading: true, data: undefined, error: null });
    answer.resolve('Hemtjänst');
    await settle();
    expect(last(seen)).toMatchObject({ loading: false, data: 'Hemtjänst', error: null });
    expect(view.container.textContent).toContain('Hemtjänst');
  });

  it('reports a failure in the one status line and keeps the error message', async () => {
    const seen: Query<string>[] = [];
    const { ApiError } = await import('../../../renderer/api.ts');
    const view = render(<Probe load={() => Promise.reject(new ApiError('not_found', 'Tillsynen finns inte.'))} deps={['x']} seen={seen} />);
    await settle();
    expect(last(seen)).toMatchObject({ loading: false, data: undefined, error: 'Tillsynen finns inte.' });
    expect(view.statusText()).toBe('Tillsynen finns inte.');
    expect(view.container.querySelector('.status-error')).not.toBeNull();
  });

  it('ignores the answer to older inputs when it arrives after the newer one', async () => {
    const answers = { 2025: deferred<string>(), 2026: deferred<string>() };
    const seen: Query<string>[] = [];
    const view = render(<Probe load={() => answers[2025].promise} deps={[2025]} seen={seen} />);
    view.rerender(<Probe load={() => answers[2026].promise} deps={[2026]} seen={seen} />);
    answers[2026].resolve('år 2026');
    await settle();
    answers[2025].resolve('år 2025');
    await settle();
    expect(last(seen)).toMatchObject({ loading: false, data: 'år 2026' });
    expect(seen.some((q) => q.data === 'år 2025')).toBe(false);
  });

  it('keeps the previous data on screen while new inputs load, unless told to forget it', async () => {
    const next = deferred<string>();
    const seen: Query<string>[] = [];
    const view = render(<Probe load={() => Promise.resolve('rad 1')} deps={[1]} seen={seen} />);
    await settle();
    view.rerender(<Probe load={() => next.promise} deps={[2]} seen={seen} />);
    expect(last(seen)).toMatchObject({ loading: true, data: 'rad 1', current: false });
    view.rerender(<Probe load={() => next.promise} deps={[3]} seen={seen} resetOnChange />);
    expect(last(seen)).toMatchObject({ loading: true, data: undefined });
  });

  it('says whether the data answers the current inputs, also while the same inputs reload', async () => {
    let answer = deferred<string>();
    const seen: Query<string>[] = [];
    const view = render(<Probe load={() => answer.promise} deps={['open']} seen={seen} />);
    expect(last(seen)).toMatchObject({ data: undefined, current: false });
    answer.resolve('öppna');
    await settle();
    expect(last(seen)).toMatchObject({ data: 'öppna', current: true });
    answer = deferred<string>();
    let reloading = Promise.resolve();
    act(() => {
      reloading = last(seen).reload();
    });
    expect(last(seen)).toMatchObject({ loading: true, data: 'öppna', current: true });
    await act(async () => {
      answer.resolve('öppna igen');
      await reloading;
    });
    const next = deferred<string>();
    view.rerender(<Probe load={() => next.promise} deps={['all']} seen={seen} />);
    expect(last(seen)).toMatchObject({ data: 'öppna igen', current: false });
    next.resolve('alla');
    await settle();
    expect(last(seen)).toMatchObject({ data: 'alla', current: true });
  });

  it('does not load again when an inline input has the same value', async () => {
    let calls = 0;
    const load = () => Promise.resolve(++calls);
    const seen: Query<number>[] = [];
    const view = render(<Probe load={load} deps={['units', false]} seen={seen} />);
    await settle();
    view.rerender(<Probe load={load} deps={['units', false]} seen={seen} />);
    await settle();
    expect(calls).toBe(1);
  });

  it('ignores an answer that arrives after unmount', async () => {
    const answer = deferred<string>();
    const seen: Query<string>[] = [];
    const view = render(<Probe load={() => answer.promise} deps={['a']} seen={seen} />);
    const rendersBefore = seen.length;
    view.unmount();
    answer.resolve('för sent');
    await settle();
    expect(seen.length).toBe(rendersBefore);
  });

  it('aborts a request once its answer can no longer be shown, and only then', () => {
    const signals: AbortSignal[] = [];
    const load = (signal: AbortSignal) => {
      signals.push(signal);
      return deferred<string>().promise;
    };
    const seen: Query<string>[] = [];
    const view = render(<Probe load={load} deps={['öppna']} seen={seen} />);
    view.rerender(<Probe load={load} deps={['öppna']} seen={seen} />);
    expect(signals.map((s) => s.aborted)).toEqual([false]);
    view.rerender(<Probe load={load} deps={['alla']} seen={seen} />);
    expect(signals.map((s) => s.aborted)).toEqual([true, false]);
    act(() => {
      void last(seen).reload();
    });
    expect(signals.map((s) => s.aborted)).toEqual([true, true, false]);
    act(() => {
      last(seen).setData('sparat');
    });
    expect(signals.map((s) => s.aborted)).toEqual([true, true, true]);
    act(() => {
      void last(seen).reload();
    });
    view.unmount();
    expect(signals.map((s) => s.aborted)).toEqual([true, true, true, true]);
    expect(view.statusText()).toBe('');
  });

  it('waits while the loader is null (a closed dialog)', async () => {
    const seen: Query<string>[] = [];
    render(<Probe load={null} deps={['closed']} seen={seen} />);
    await settle();
    expect(last(seen)).toMatchObject({ loading: false, data: undefined });
  });

  it('reloads with the data kept on screen, and the newest answer wins', async () => {
    let answer = deferred<string>();
    const seen: Query<string>[] = [];
    render(<Probe load={() => answer.promise} deps={['a']} seen={seen} />);
    answer.resolve('före');
    await settle();
    answer = deferred<string>();
    let reloaded = false;
    let reloading = Promise.resolve();
    act(() => {
      reloading = last(seen).reload().then(() => {
        reloaded = true;
      });
    });
    expect(last(seen)).toMatchObject({ loading: true, data: 'före' });
    await act(async () => {
      answer.resolve('efter');
      await reloading;
    });
    expect(reloaded).toBe(true);
    expect(last(seen)).toMatchObject({ loading: false, data: 'efter' });
  });

  it('shows a write’s result and ignores a load that was already on its way', async () => {
    let answer = deferred<string>();
    const seen: Query<string>[] = [];
    render(<Probe load={() => answer.promise} deps={['a']} seen={seen} />);
    answer.resolve('lagrat');
    await settle();
    answer = deferred<string>();
    let reloading = Promise.resolve();
    act(() => {
      reloading = last(seen).reload();
    });
    await act(async () => {
      last(seen).setData('sparat');
      answer.resolve('gammalt svar');
      await reloading;
    });
    expect(last(seen)).toMatchObject({ loading: false, data: 'sparat' });
    act(() => {
      last(seen).update((d) => `${d}!`);
    });
    expect(last(seen).data).toBe('sparat!');
  });
});

function Areas(props: { seen: Query<OperatingAreaRow[]>[] }) {
  const query = useQuery('operatingAreas.list', {});
  props.seen.push(query);
  return <ul>{(query.data ?? []).map((a) => <li key={a.id}>{a.name}</li>)}</ul>;
}

function Inspection({ id }: { id: string }) {
  const query = useQuery('inspections.get', { id });
  return <p>{query.error ?? query.data?.unitName}</p>;
}

describe('useQuery through the api client', () => {
  it('calls the contract method on a real database and reloads after a write', async () => {
    const api = bridgeToTestDatabase();
    value(await api.dispatch('operatingAreas.create', { name: 'Äldreomsorg' }));
    const seen: Query<OperatingAreaRow[]>[] = [];
    const view = render(<Areas seen={seen} />);
    await settle();
    expect([...view.container.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Äldreomsorg']);
    value(await api.dispatch('operatingAreas.create', { name: 'Funktionsstöd' }));
    await act(() => last(seen).reload());
    expect([...view.container.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Funktionsstöd', 'Äldreomsorg']);
    api.session.close();
  });

  it('in browser mode stops the download of an answer that is no longer wanted, silently', async () => {
    const requests: { id: string; signal: AbortSignal }[] = [];
    vi.stubGlobal(
      'fetch',
      (_url: string, init: { body: string; signal: AbortSignal }) =>
        new Promise<Response>((resolve, reject) => {
          const { id } = JSON.parse(init.body) as { id: string };
          const signal = init.signal;
          requests.push({ id, signal });
          signal.addEventListener('abort', () => reject(signal.reason as Error));
          if (id === '019a0000-0000-7000-8000-000000000002') {
            resolve(new Response(JSON.stringify({ ok: true, value: { unitName: 'Hemtjänst Söder' } })));
          }
        }),
    );
    const view = render(<Inspection id="019a0000-0000-7000-8000-000000000001" />);
    await settle();
    view.rerender(<Inspection id="019a0000-0000-7000-8000-000000000002" />);
    await settle();
    expect(requests.map((r) => [r.id, r.signal.aborted])).toEqual([
      ['019a0000-0000-7000-8000-000000000001', true],
      ['019a0000-0000-7000-8000-000000000002', false],
    ]);
    expect(view.container.querySelector('p')?.textContent).toBe('Hemtjänst Söder');
    expect(view.statusText()).toBe('');
  });

  it('shows the server’s Swedish refusal in the status line', async () => {
    const api = bridgeToTestDatabase();
    const view = render(<Inspection id="019a0000-0000-7000-8000-000000000000" />);
    await settle();
    expect(view.statusText()).toMatch(/finns inte/);
    expect(view.container.querySelector('p')?.textContent).toBe(view.statusText());
    api.session.close();
  });
});
