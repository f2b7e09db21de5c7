// Risk: the trading state per account (halt, reduce-only, resume for admins, with a reason and a
// confirmation), the risk limits (edit for admins) and the rejections by check.
import { get, put, query } from './api.js';
import { confirmAction, showDone, showError } from './dialogs.js';
import { element, time } from './format.js';

const $ = (id) => document.getElementById(id);

export class Risk {
  /** @param {string} role @param {string[]} accounts */
  constructor(role, accounts) {
    this.accounts = accounts;
    this.states = new Map();
    this.isAdmin = role === 'admin';
    const options = () => accounts.map((a) => element('option', { value: a, text: a }));
    const stateForm = $('trading-state-form');
    stateForm.elements.namedItem('account').replaceChildren(...options());
    stateForm.onsubmit = (event) => this.changeState(event);
    $('limits-account').replaceChildren(...options());
    $('limits-account').onchange = () => this.refreshLimits();
    $('limits-form').onsubmit = (event) => this.saveLimits(event);
  }

  async refresh() {
    const states = await Promise.all(
      this.accounts.map((account) => get(`/api/v1/risk/trading-state${query({ account })}`)));
    states.forEach((state) => this.states.set(state.account, state));
    this.renderStates();
    await Promise.all([this.refreshLimits(), this.refreshRejections()]);
  }

  /** The tab was opened: rejections are not on the stream, so re-read them. */
  shown() {
    this.refreshRejections().catch(() => {});
  }

  onTradingState(state) {
    this.states.set(state.account, state);
    this.renderStates();
  }

  renderStates() {
    $('trading-states').tBodies[0].replaceChildren(...[...this.states.values()].map((s) =>
      element('tr', { 'data-account': s.account, 'data-state': s.state }, [
        element('th', { scope: 'row', text: s.account }),
        element('td', { class: `state state-${s.state}`, text: s.state }),
        element('td', { text: s.reason ?? '' }),
        element('td', { text: s.changedBy ?? '' }),
        time(s.changedAt),
      ])));
  }

  async changeState(event) {
    event.preventDefault();
    const form = /** @type {HTMLFormElement} */ (event.target);
    const result = $('trading-state-result');
    const body = Object.fromEntries(new FormData(form));
    if (!String(body.reason).trim()) {
      showError(result, { message: 'a reason is required' });
      return;
    }
    if (!(await confirmAction(`Set ${body.account} to ${body.state}? Reason: ${body.reason}`))) {
      showDone(result, 'Not changed.');
      return;
    }
    try {
      const state = await put('/api/v1/risk/trading-state', body);
      this.onTradingState(state);
      showDone(result, `${state.account} is ${state.state}.`);
    } catch (e) {
      showError(result, e);
    }
  }

  async refreshLimits() {
    const limits = await get(`/api/v1/risk/limits${query({ account: $('limits-account').value })}`);
    const rows = Object.entries(limits)
      .filter(([name]) => name !== 'account')
      .map(([name, value]) => element('tr', {}, [
        element('th', { scope: 'row', text: name }),
        element('td', { class: typeof value === 'object' && value !== null ? '' : 'number',
          text: value === null ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value) }),
      ]));
    $('limits').tBodies[0].replaceChildren(...rows);
    if (this.isAdmin && document.activeElement !== $('limits-json')) {
      const editable = { ...limits };
      delete editable.account;
      for (const [name, value] of Object.entries(editable)) {
        if (value === null) {
          delete editable[name];
        }
      }
      $('limits-json').value = JSON.stringify(editable, null, 2);
    }
  }

  async saveLimits(event) {
    event.preventDefault();
    const result = $('limits-result');
    let body;
    try {
      body = JSON.parse($('limits-json').value);
    } catch (e) {
      showError(result, { message: `not JSON: ${e.message}` });
      return;
    }
    const account = $('limits-account').value;
    if (!(await confirmAction(`Replace every risk limit of ${account}?`))) {
      return;
    }
    try {
      await put(`/api/v1/risk/limits${query({ account })}`, body);
      showDone(result, `Limits of ${account} saved.`);
      await this.refreshLimits();
    } catch (e) {
      showError(result, e);
    }
  }

  async refreshRejections() {
    const page = await get(`/api/v1/orders${query({ status: 'REJECTED', limit: '500' })}`);
    const byCheck = new Map();
    for (const order of page.items) {
      const check = order.rejection?.check ?? order.rejection?.source ?? 'unknown';
      const entry = byCheck.get(check) ?? { count: 0, reason: order.rejection?.reason ?? '' };
      entry.count += 1;
      byCheck.set(check, entry);
    }
    $('rejections').tBodies[0].replaceChildren(...[...byCheck.entries()]
      .sort((a, b) => b[1].count - a[1].count)
      .map(([check, entry]) => element('tr', { 'data-check': check }, [
        element('th', { scope: 'row', text: check }),
        element('td', { class: 'number', text: String(entry.count) }),
        element('td', { text: entry.reason }),
      ])));
  }
}
