// Reconciliation: the latest findings, a run on demand, and approve / dismiss of a proposed fix (admin).
import { get, post, query } from './api.js';
import { showDone, showError } from './dialogs.js';
import { element, time } from './format.js';

const $ = (id) => document.getElementById(id);
const PROPOSAL = /proposed, approve or dismiss (\S+?):? /;

export class Reconciliation {
  /** @param {string} role */
  constructor(role) {
    this.isAdmin = role === 'admin';
    $('reconcile-now').onclick = () => this.runNow();
  }

  async refresh() {
    const page = await get(`/api/v1/reconciliation${query({ limit: '100' })}`);
    this.render(page.items);
  }

  onFinding() {
    this.refresh().catch(() => {});
  }

  render(findings) {
    $('findings').tBodies[0].replaceChildren(...findings.map((f) => {
      const decision = element('td', { class: 'actions' });
      const proposal = PROPOSAL.exec(f.action ?? '');
      if (this.isAdmin && proposal) {
        const id = proposal[1];
        for (const [verb, label] of [['approve', 'Approve'], ['dismiss', 'Dismiss']]) {
          const button = element('button', { type: 'button', text: label, 'aria-label': `${label} fix ${id}` });
          button.onclick = () => this.decide(id, verb, button);
          decision.append(button);
        }
      }
      return element('tr', { 'data-kind': f.kind, 'data-proposal': proposal ? proposal[1] : '' }, [
        time(f.foundAt),
        element('td', { class: 'id', text: f.runId }),
        element('td', { text: f.account }),
        element('td', { text: f.kind }),
        element('td', { text: f.subject }),
        element('td', { text: f.expected }),
        element('td', { text: f.actual }),
        element('td', { class: 'action', text: f.action }),
        decision,
      ]);
    }));
  }

  async runNow() {
    const result = $('reconciliation-result');
    try {
      const report = await post('/api/v1/reconciliation/run');
      showDone(result, `Run ${report.runId}: ${report.findings.length} finding(s).`);
      await this.refresh();
    } catch (e) {
      showError(result, e);
    }
  }

  async decide(id, verb, button) {
    const result = $('reconciliation-result');
    button.disabled = true;
    try {
      const finding = await post(`/api/v1/reconciliation/findings/${encodeURIComponent(id)}/${verb}`);
      showDone(result, finding.action);
      await this.refresh();
    } catch (e) {
      showError(result, e);
      button.disabled = false;
    }
  }
}
