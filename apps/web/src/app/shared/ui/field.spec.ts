import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { descriptionOf, getByLabel } from '../../testing/queries';
import { FIELD, Field } from './field';

@Component({
  imports: [FIELD],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dh-field label="Adress" [hint]="hint()" [error]="error()">
      <input dhControl id="address" />
      <p class="after">Efter fältet</p>
    </dh-field>
    <dh-fieldset legend="Språk" controlId="language-sv" hint="Välj minst ett." [error]="error()">
      <label><input type="checkbox" id="language-sv" /> svenska</label>
    </dh-fieldset>
  `,
})
class Host {
  readonly hint = signal<string | null>('Gatuadress och ort.');
  readonly error = signal<string | undefined>(undefined);
}

describe(Field.name, () => {
  const setUp = async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    return { fixture, root: fixture.nativeElement as HTMLElement };
  };

  it('labels the control and describes it with the hint', async () => {
    const { root } = await setUp();
    const input = getByLabel(root, 'Adress');
    expect(input.id).toBe('address');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(input.getAttribute('aria-describedby')).toBe('address-hint');
    expect(descriptionOf(root, input)).toBe('Gatuadress och ort.');
  });

  it('marks the control invalid and adds the error after the hint; other content comes after the error', async () => {
    const { fixture, root } = await setUp();
    fixture.componentInstance.error.set('Skriv adressen.');
    await fixture.whenStable();
    const input = getByLabel(root, 'Adress');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(root, input)).toBe('Gatuadress och ort. Skriv adressen.');
    const order = Array.from(root.querySelector('dh-field')?.children ?? []).map((el) => el.className || el.tagName.toLowerCase());
    expect(order).toEqual(['label', 'dh-hint', 'input', 'dh-field-error', 'after']);
  });

  it('has no description without hint and error', async () => {
    const { fixture, root } = await setUp();
    fixture.componentInstance.hint.set(null);
    await fixture.whenStable();
    expect(getByLabel(root, 'Adress').getAttribute('aria-describedby')).toBeNull();
  });

  it('describes a group of options by its hint and error', async () => {
    const { fixture, root } = await setUp();
    fixture.componentInstance.error.set('Välj ett språk.');
    await fixture.whenStable();
    const fieldset = root.querySelector('fieldset') as HTMLElement;
    expect(fieldset.querySelector('legend')?.textContent).toBe('Språk');
    expect(descriptionOf(root, fieldset)).toBe('Välj minst ett. Välj ett språk.');
  });
});
