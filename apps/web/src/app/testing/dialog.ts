/**
 * jsdom has <dialog> but not showModal()/close(). Enough of them for component tests: open sets the
 * attribute, close removes it and fires "close" as browsers do.
 */
export function polyfillDialog(): void {
  const proto = HTMLDialogElement.prototype as HTMLDialogElement & { showModal?: () => void; close?: () => void };
  proto.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close ??= function (this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}

/** The open dialog's button with this text. */
export function dialogButton(root: HTMLElement, name: string): HTMLButtonElement {
  const dialog = root.querySelector('dialog[open]');
  if (!dialog) throw new Error('No open dialog');
  const button = Array.from(dialog.querySelectorAll('button')).find((b) => b.textContent?.trim() === name);
  if (!button) throw new Error(`No button ${name} in the dialog`);
  return button;
}
