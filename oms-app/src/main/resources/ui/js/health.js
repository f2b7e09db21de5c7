// Health: database, engine, broker sessions (e.g. "Kite login required"), reconciliation, the engine's
// queue (from /metrics) and the event stream's lag.
import { authHeaders } from './api.js';
import { element } from './format.js';

const $ = (id) => document.getElementById(id);
const REFRESH_MILLIS = 5000;

export class Health {
  /** @param {() => import('./stream.js').EventStream|null} stream */
  constructor(stream) {
    this.stream = stream;
    this.timer = setInterval(() => {
      if (!$('view-health').hidden) {
        this.refresh().catch(() => {});
      }
    }, REFRESH_MILLIS);
  }

  destroy() {
    clearInterval(this.timer);
  }

  shown() {
    this.refresh().catch(() => {});
  }

  async refresh() {
    const [ready, metrics] = await Promise.all([
      fetch('/health/ready', { headers: authHeaders(), cache: 'no-store' }).then((r) => r.json()),
      fetch('/metrics', { cache: 'no-store' }).then((r) => (r.ok ? r.text() : '')),
    ]);
    const checks = ready.checks ?? {};
    const queued = gauge(metrics, 'oms_engine_queue_depth');
    const entries = [
      ['Overall', `${ready.status} (${ready.phase})`, ready.status],
      ['Database', checks.database?.status + (checks.database?.error ? `: ${checks.database.error}` : ''), checks.database?.status],
      ['Engine', `${checks.engine?.status}${checks.engine?.recoveredAt ? `, recovered ${checks.engine.recoveredAt}` : ''}`, checks.engine?.status],
      ['Engine queue', `${queued === null ? '—' : Math.round(Number(queued))} commands waiting`, 'UP'],
    ];
    for (const broker of checks.brokers ?? []) {
      const details = Object.entries(broker)
        .filter(([name]) => !['name', 'status', 'session'].includes(name))
        .map(([name, value]) => `${name}: ${value}`);
      entries.push([`Broker ${broker.name}`, [broker.session, ...details].join(' · '), broker.status]);
    }
    const reconciliation = checks.reconciliation ?? {};
    entries.push(['Reconciliation', reconciliation.scheduled
      ? `last run ${reconciliation.lastRun ?? 'not yet'}` : 'not scheduled', 'UP']);
    const stream = this.stream();
    const lag = stream?.lastRecordedAt ? `${Math.max(0, Math.round((Date.now() - Date.parse(stream.lastRecordedAt)) / 1000))} s since the last order event was recorded` : 'no order event yet';
    const quiet = stream?.lastActivity ? `${Math.round((Date.now() - stream.lastActivity) / 1000)} s since the server last wrote` : '';
    entries.push(['Event stream', [$('stream-status').textContent, quiet, lag].filter(Boolean).join(' · '), 'UP']);
    $('health').replaceChildren(...entries.flatMap(([label, text, status]) => [
      element('dt', { text: label }),
      element('dd', { class: `health-${status}`, text }),
    ]));
  }
}

/** A gauge's value from the Prometheus text. @param {string} text @param {string} name */
function gauge(text, name) {
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
  return match ? match[1] : null;
}
