// Blotter: open and recent orders, kept live by the event stream; filters, an order's detail with its
// fills and events, cancel and modify (trader), and the submit form.
import { del, get, patch, post, query } from './api.js';
import { element, money, price, quantity, time } from './format.js';
import { showDone, showError } from './dialogs.js';

const PAGE = 200;
const OPEN = new Set(['CREATED', 'PENDING_SUBMISSION', 'SUBMITTED', 'ACCEPTED', 'PARTIALLY_FILLED', 'PENDING_CANCEL', 'PENDING_MODIFY']);
const $ = (id) => document.getElementById(id);

export class Blotter {
  /** @param {string} role */
  constructor(role) {
    this.mayTrade = role === 'trader' || role === 'admin';
    /** @type {Map<string, any>} newest first by createdAt */
    this.orders = new Map();
    this.pending = new Set();
    this.detailId = null;
    this.filter = $('blotter-filter');
    this.filter.oninput = () => this.render();
    this.filter.onsubmit = (event) => event.preventDefault();
    $('order-form').onsubmit = (event) => this.submit(event);
  }

  async refresh() {
    const page = await get(`/api/v1/orders${query({ limit: String(PAGE) })}`);
    this.orders = new Map(page.items.map((order) => [order.id, order]));
    this.render();
  }

  /** An order event from the stream: re-read that order (one request per order, however many are open). */
  onOrderEvent(event) {
    const id = event.orderId;
    if (this.pending.has(id)) {
      return;
    }
    this.pending.add(id);
    setTimeout(async () => {
      this.pending.delete(id);
      try {
        const order = await get(`/api/v1/orders/${encodeURIComponent(id)}`);
        this.orders.set(order.id, order);
        this.render();
        if (this.detailId === id) {
          this.showDetail(order);
        }
      } catch {
        // the next event or refresh brings it
      }
    }, 50);
  }

  matches(order) {
    const f = Object.fromEntries(new FormData(this.filter));
    const status = /** @type {string} */ (f.status);
    return (!status || (status === 'OPEN' ? OPEN.has(order.status) : order.status === status))
      && contains(order.instrument, f.instrument)
      && contains(order.strategy, f.strategy)
      && contains(order.account, f.account);
  }

  render() {
    const rows = [...this.orders.values()]
      .filter((order) => this.matches(order))
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
      .slice(0, PAGE)
      .map((order) => this.row(order));
    $('orders').tBodies[0].replaceChildren(...rows);
  }

  row(order) {
    const actions = element('td', { class: 'actions' });
    const details = element('button', { type: 'button', text: 'Details', 'aria-label': `Details of ${order.id}` });
    details.onclick = () => this.openDetail(order.id);
    actions.append(details);
    if (this.mayTrade && OPEN.has(order.status) && order.status !== 'PENDING_CANCEL') {
      const cancel = element('button', { type: 'button', text: 'Cancel', 'aria-label': `Cancel ${order.id}` });
      cancel.onclick = () => this.cancel(order.id, cancel);
      const modify = element('button', { type: 'button', text: 'Modify', 'aria-label': `Modify ${order.id}` });
      modify.onclick = () => this.modify(order);
      actions.append(modify, cancel);
    }
    const status = element('td', { class: `status status-${order.status}`, text: order.status });
    if (order.rejection) {
      status.title = `${order.rejection.check ?? order.rejection.source}: ${order.rejection.reason}`;
    }
    return element('tr', { 'data-order-id': order.id, 'data-status': order.status }, [
      time(order.createdAt),
      element('td', { class: 'id', text: order.id }),
      element('td', { text: order.account }),
      element('td', { text: order.strategy }),
      element('td', { text: order.instrument }),
      element('td', { class: `side-${order.side}`, text: order.side }),
      element('td', { text: order.type }),
      quantity(order.quantity),
      quantity(order.filledQuantity),
      price(order.price),
      price(order.averageFillPrice),
      status,
      actions,
    ]);
  }

  async openDetail(id) {
    this.detailId = id;
    this.showDetail(await get(`/api/v1/orders/${encodeURIComponent(id)}`));
  }

  showDetail(order) {
    const panel = $('order-detail');
    const close = element('button', { type: 'button', text: 'Close' });
    close.onclick = () => {
      panel.hidden = true;
      this.detailId = null;
    };
    const fills = element('table', { class: 'grid narrow' }, [
      element('caption', { text: 'Fills' }),
      element('thead', {}, [element('tr', {}, ['Time', 'Trade', 'Quantity', 'Price', 'Fee']
        .map((h, i) => element('th', { scope: 'col', class: i >= 2 ? 'number' : '', text: h })))]),
      element('tbody', {}, (order.fills ?? []).map((fill) => element('tr', {}, [
        time(fill.executedAt), element('td', { text: fill.tradeId }),
        quantity(fill.quantity), price(fill.price), money(fill.fee)]))),
    ]);
    const events = element('ol', { class: 'events' }, (order.events ?? []).map((event) =>
      element('li', { title: event.occurredAt, text: `${event.sequence}. ${event.type}${describe(event)}` })));
    panel.replaceChildren(
      element('h2', { text: `Order ${order.id}` }), close,
      element('p', { text: `${order.side} ${order.quantity} ${order.instrument} ${order.type} · ${order.status}`
        + (order.rejection ? ` · ${order.rejection.check ?? order.rejection.source}: ${order.rejection.reason}` : '') }),
      fills, element('h3', { text: 'Events' }), events);
    panel.hidden = false;
  }

  async cancel(id, button) {
    button.disabled = true;
    try {
      this.orders.set(id, await del(`/api/v1/orders/${encodeURIComponent(id)}`));
      this.render();
    } catch (e) {
      showError($('order-form-result'), e);
      button.disabled = false;
    }
  }

  modify(order) {
    const dialog = /** @type {HTMLDialogElement} */ ($('modify'));
    const form = /** @type {HTMLFormElement} */ ($('modify-form'));
    form.elements.namedItem('quantity').value = order.quantity;
    form.elements.namedItem('price').value = order.price ?? '';
    form.elements.namedItem('triggerPrice').value = order.triggerPrice ?? '';
    dialog.addEventListener('close', async () => {
      if (dialog.returnValue !== 'ok') {
        return;
      }
      const changes = {};
      for (const name of ['quantity', 'price', 'triggerPrice']) {
        const value = form.elements.namedItem(name).value.trim();
        if (value && value !== (order[name] ?? '')) {
          changes[name] = value;
        }
      }
      try {
        this.orders.set(order.id, await patch(`/api/v1/orders/${encodeURIComponent(order.id)}`, changes));
        this.render();
        showDone($('order-form-result'), `Modify of ${order.id} sent`);
      } catch (e) {
        showError($('order-form-result'), e);
      }
    }, { once: true });
    dialog.returnValue = '';
    dialog.showModal();
  }

  async submit(event) {
    event.preventDefault();
    const form = /** @type {HTMLFormElement} */ (event.target);
    const result = $('order-form-result');
    showDone(result, 'Submitting…');
    const body = {};
    for (const [name, value] of new FormData(form)) {
      const text = String(value).trim();
      if (text) {
        body[name] = text;
      }
    }
    try {
      const order = await post('/api/v1/orders', body);
      this.orders.set(order.id, order);
      this.render();
      showDone(result, `Order ${order.id} submitted: ${order.status}`);
    } catch (e) {
      if (e.body?.id) {
        // A risk rejection is an order too: it belongs in the blotter.
        this.orders.set(e.body.id, e.body);
        this.render();
      }
      showError(result, e);
    }
  }
}

function contains(value, wanted) {
  return !wanted || String(value).toLowerCase().includes(String(wanted).toLowerCase());
}

function describe(event) {
  if (event.fill) {
    return ` ${event.fill.quantity} @ ${event.fill.price}`;
  }
  if (event.rejection) {
    return ` ${event.rejection.check ?? ''} ${event.rejection.reason}`;
  }
  if (event.modification) {
    return ` ${JSON.stringify(event.modification)}`;
  }
  return event.reason ? ` ${event.reason}` : '';
}
