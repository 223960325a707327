/** Small DOM queries for component tests: find things the way a person does, by label and by role name. */

const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
const matches = (value: string, wanted: string | RegExp) => (typeof wanted === 'string' ? value === wanted : wanted.test(value));

/** The form control whose <label> reads `wanted` (for= or a control nested in the label). */
export function getByLabel<T extends HTMLElement = HTMLInputElement>(root: HTMLElement, wanted: string | RegExp): T {
  const found = Array.from(root.querySelectorAll('label')).filter((label) => matches(text(label), wanted));
  if (found.length !== 1) throw new Error(`Expected one label ${String(wanted)}, found ${found.length}`);
  const label = found[0] as HTMLLabelElement;
  const control = label.htmlFor ? root.ownerDocument.getElementById(label.htmlFor) : label.querySelector('input, select, textarea');
  if (!control) throw new Error(`Label ${String(wanted)} has no control`);
  return control as T;
}

export function getButton(root: HTMLElement, wanted: string | RegExp): HTMLButtonElement {
  const found = Array.from(root.querySelectorAll('button')).filter((b) => matches(text(b), wanted));
  if (found.length !== 1) throw new Error(`Expected one button ${String(wanted)}, found ${found.length}`);
  return found[0] as HTMLButtonElement;
}

/** The texts of the elements an input's aria-describedby points at. */
export function descriptionOf(root: HTMLElement, control: HTMLElement): string {
  return (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => {
      const described = root.ownerDocument.getElementById(id);
      return described ? text(described) : `(missing #${id})`;
    })
    .join(' ');
}

export function type(control: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
}

export function setChecked(control: HTMLInputElement, checked: boolean): void {
  if (control.checked !== checked) control.click();
}

/** Lets promise chains started by a click or a response (await → navigate) finish, then change detection. */
export async function settle(fixture: { whenStable(): Promise<unknown> }): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await fixture.whenStable();
}
