// The register toolbar: search and filters first, then the actions, in the order they are seen;
// every control reachable with Tab; Escape empties the search.
import { act, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { RegisterToolbar } from '../../../renderer/kit/RegisterToolbar.tsx';
import { render } from './render.tsx';

function UnitsToolbar(props: { onNew: () => void }) {
  const [search, setSearch] = useState('');
  const [archived, setArchived] = useState(false);
  return (
    <>
      <RegisterToolbar
        label="Enheter"
        search={{ label: 'Sök enhet', value: search, onChange: setSearch }}
        filters={
          <label className="checkbox">
            <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} />
            Visa arkiverade
          </label>
        }
        summary="3 enheter"
        actions={
          <>
            <button type="button" className="button-primary" onClick={props.onNew}>
              Ny enhet
            </button>
            <button type="button">Importera …</button>
            <button type="button">Exportera</button>
          </>
        }
      />
      <output>{search}</output>
    </>
  );
}

/** What Tab walks through, in order: enabled controls not taken out of the tab order. */
function tabOrder(root: Element): string[] {
  return [...root.querySelectorAll<HTMLElement>('input, select, button, a[href], textarea')]
    .filter((el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled)
    .map((el) => {
      const label = el.id ? root.querySelector(`label[for="${el.id}"]`) : el.closest('label');
      return (label ?? el).textContent?.trim() ?? '';
    });
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('RegisterToolbar', () => {
  it('puts search and filters before the actions in the tab order', () => {
    const view = render(<UnitsToolbar onNew={() => {}} />);
    const toolbar = view.container.querySelector('.register-toolbar') as HTMLElement;
    expect(tabOrder(toolbar)).toEqual(['Sök enhet', 'Visa arkiverade', 'Ny enhet', 'Importera …', 'Exportera']);
  });

  it('names the filter form and the group of actions', () => {
    const view = render(<UnitsToolbar onNew={() => {}} />);
    expect(view.container.querySelector('form.register-filters')?.getAttribute('aria-label')).toBe('Filter');
    const actions = view.container.querySelector('[role="group"]');
    expect(actions?.getAttribute('aria-label')).toBe('Enheter');
    expect([...(actions?.querySelectorAll('button') ?? [])].every((b) => b.type === 'button')).toBe(true);
  });

  it('empties the search with Escape and does not submit on Enter', () => {
    const view = render(<UnitsToolbar onNew={() => {}} />);
    const input = view.container.querySelector('input[type="search"]') as HTMLInputElement;
    act(() => {
      // React notices typing only through the prototype's setter, as in a real browser.
      // eslint-disable-next-line @typescript-eslint/unbound-method
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      setValue?.call(input, 'Solg');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(view.container.querySelector('output')?.textContent).toBe('Solg');
    let submit: Event | null = null;
    const form = view.container.querySelector('form') as HTMLFormElement;
    form.addEventListener('submit', (e) => {
      submit = e;
    });
    act(() => {
      form.requestSubmit();
    });
    expect(submit).not.toBeNull();
    expect((submit as Event | null)?.defaultPrevented).toBe(true);
    act(() => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(view.container.querySelector('output')?.textContent).toBe('');
  });

  it('runs an action from its button', () => {
    let created = 0;
    const view = render(<UnitsToolbar onNew={() => created++} />);
    const button = [...view.container.querySelectorAll('button')].find((b) => b.textContent === 'Ny enhet') as HTMLButtonElement;
    act(() => {
    button.click();
  });
    expect(created).toBe(1);
  });
});
