// The dashboard's entry point: sign-in, role-aware controls, tabs, and the event stream that keeps
// every view live. No API call is made before the user signs in.
import { ApiError, call, forgetKey, get, storeKey, storedKey } from './api.js';
import { EventStream } from './stream.js';
import { Blotter } from './blotter.js';
import { Positions } from './positions.js';
import { PnlChart } from './pnl.js';
import { Risk } from './risk.js';
import { Reconciliation } from './reconciliation.js';
import { Health } from './health.js';

const ROLES = ['viewer', 'trader', 'admin'];
const $ = (id) => document.getElementById(id);

let stream = null;
let views = null;

async function signIn(key) {
  const me = await call('GET', '/api/v1/whoami', undefined, key);
  storeKey(key);
  return me;
}

/** Shows only what the role may use; the server enforces the same. @param {{name: string, role: string}} me */
function applyRole(me) {
  const rank = ROLES.indexOf(me.role);
  document.querySelectorAll('.requires-trader').forEach((node) => (node.hidden = rank < 1));
  document.querySelectorAll('.requires-admin').forEach((node) => (node.hidden = rank < 2));
  document.body.dataset.role = me.role;
  $('who').textContent = `${me.name} · ${me.role}`;
}

async function start(me) {
  applyRole(me);
  $('sign-in').hidden = true;
  $('dashboard').hidden = false;
  $('who').hidden = false;
  $('sign-out').hidden = false;
  $('stream-status').hidden = false;
  const role = me.role;
  const portfolio = await get('/api/v1/portfolio');
  const accounts = portfolio.accounts.map((a) => a.account);
  views = {
    blotter: new Blotter(role),
    positions: new Positions(),
    pnl: new PnlChart(accounts),
    risk: new Risk(role, accounts),
    reconciliation: new Reconciliation(role),
    health: new Health(() => stream),
  };
  stream = new EventStream(onEvent, showStreamState, refreshAll);
  stream.start();
  refreshAll();
}

function refreshAll() {
  for (const view of Object.values(views)) {
    view.refresh().catch(showFailure);
  }
}

/** @param {import('./stream.js').StreamEvent} message */
function onEvent(message) {
  const data = JSON.parse(message.data);
  if (message.event === 'order' || message.event === 'fill') {
    views.blotter.onOrderEvent(data);
    stream.lastRecordedAt = data.recordedAt;
  } else if (message.event === 'position') {
    views.positions.onPosition(data);
    views.pnl.onChange();
  } else if (message.event === 'trading-state') {
    views.risk.onTradingState(data);
  } else if (message.event === 'reconciliation') {
    views.reconciliation.onFinding(data);
  }
}

const STATE_TEXT = { connecting: 'connecting…', live: 'live', reconnecting: 'reconnecting…', stopped: 'disconnected' };

function showStreamState(state, detail) {
  const status = $('stream-status');
  status.textContent = detail ? `${STATE_TEXT[state]}: ${detail}` : STATE_TEXT[state];
  status.dataset.state = state;
}

function showFailure(e) {
  if (e instanceof ApiError && e.status === 401) {
    signOut('The API key is no longer valid; sign in again.');
  }
}

function signOut(message = '') {
  stream?.stop();
  stream = null;
  for (const view of Object.values(views ?? {})) {
    view.destroy?.();
  }
  views = null;
  forgetKey();
  location.hash = '';
  $('sign-in-error').textContent = message;
  $('dashboard').hidden = true;
  $('who').hidden = true;
  $('sign-out').hidden = true;
  $('stream-status').hidden = true;
  $('sign-in').hidden = false;
  document.querySelectorAll('tbody').forEach((body) => body.replaceChildren());
  // Nothing of the previous session stays on screen for the next key.
  $('order-detail').hidden = true;
  $('order-detail').replaceChildren();
  $('api-key').focus();
}

function setUpTabs() {
  const tabs = [...document.querySelectorAll('[role=tab]')];
  const select = (tab) => {
    for (const other of tabs) {
      const selected = other === tab;
      other.setAttribute('aria-selected', String(selected));
      other.tabIndex = selected ? 0 : -1;
      $(other.getAttribute('aria-controls')).hidden = !selected;
    }
    const name = tab.id.replace('tab-', '');
    views?.[name]?.shown?.();
  };
  tabs.forEach((tab, index) => {
    tab.addEventListener('click', () => select(tab));
    tab.addEventListener('keydown', (event) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (step) {
        const next = tabs[(index + step + tabs.length) % tabs.length];
        next.focus();
        select(next);
        event.preventDefault();
      }
    });
  });
}

$('sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = $('api-key');
  const key = input.value.trim();
  $('sign-in-error').textContent = '';
  try {
    const me = await signIn(key);
    input.value = '';
    await start(me);
  } catch (e) {
    $('sign-in-error').textContent =
      e instanceof ApiError ? e.message : `The server did not answer: ${e.message}`;
  }
});
$('sign-out').addEventListener('click', () => signOut());
setUpTabs();

// A reload in the same tab stays signed in; a new tab asks again.
if (storedKey()) {
  signIn(storedKey()).then(start, () => signOut());
}
