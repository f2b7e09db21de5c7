// Confirmation for actions that change trading (kill switch, limits): a modal the keyboard can drive.

/** @param {string} text @returns {Promise<boolean>} whether the user confirmed */
export function confirmAction(text) {
  const dialog = /** @type {HTMLDialogElement} */ (document.getElementById('confirm'));
  document.getElementById('confirm-text').textContent = text;
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
    dialog.returnValue = '';
    dialog.showModal();
    document.getElementById('confirm-ok').focus();
  });
}

/**
 * Shows an API error where the user acted: its message and, for invalid fields, each field's problem.
 * @param {HTMLElement} target @param {any} error
 */
export function showError(target, error) {
  const fields = error?.details?.fields;
  const lines = [error?.message ?? String(error)];
  if (fields) {
    for (const [name, problem] of Object.entries(fields)) {
      lines.push(`${name}: ${problem}`);
    }
  } else if (error?.body?.rejection?.check) {
    lines.push(`check ${error.body.rejection.check}`);
  }
  target.textContent = lines.join(' — ');
  target.classList.add('error');
}

/** @param {HTMLElement} target @param {string} text */
export function showDone(target, text) {
  target.textContent = text;
  target.classList.remove('error');
}
