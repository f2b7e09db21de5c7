// The day's P&L over time and the drawdown from its peak, drawn by uPlot (vendored, see
// src/main/ui/vendor). Points come from GET /api/v1/pnl/intraday; Numbers are used only for drawing,
// the figures above the chart are exact.
import uPlot from '../vendor/uplot/uPlot.esm.js';
import { get, query } from './api.js';
import { parse, toFixed, toText } from './decimal.js';
import { element } from './format.js';

const $ = (id) => document.getElementById(id);
const REFRESH_MILLIS = 2000;

export class PnlChart {
  /** @param {string[]} accounts */
  constructor(accounts) {
    this.select = $('pnl-account');
    this.select.replaceChildren(...accounts.map((a) => element('option', { value: a, text: a })));
    this.select.onchange = () => this.refresh();
    this.plot = null;
    this.due = null;
    this.timer = setInterval(() => {
      if (!$('view-pnl').hidden) {
        this.refresh().catch(() => {});
      }
    }, REFRESH_MILLIS);
  }

  destroy() {
    clearInterval(this.timer);
    this.plot?.destroy();
    this.plot = null;
  }

  shown() {
    this.refresh().catch(() => {});
  }

  /** A position changed: redraw soon (at most once a second). */
  onChange() {
    if (!this.due) {
      this.due = setTimeout(() => {
        this.due = null;
        this.refresh().catch(() => {});
      }, 1000);
    }
  }

  async refresh() {
    const series = await get(`/api/v1/pnl/intraday${query({ account: this.select.value })}`);
    const points = series.points;
    const times = points.map((p) => Date.parse(p.at) / 1000);
    const pnl = points.map((p) => Number(p.pnl));
    const drawdown = points.map((p) => -Number(p.drawdown));
    const container = $('pnl-chart');
    container.dataset.points = String(points.length);
    container.dataset.lastPnl = points.length ? points[points.length - 1].pnl : '';
    this.figures(points[points.length - 1]);
    if (container.hidden || container.closest('[hidden]')) {
      return;
    }
    const width = Math.max(320, container.clientWidth);
    if (!this.plot) {
      this.plot = new uPlot({
        width,
        height: 320,
        scales: { x: { time: true } },
        axes: [{}, { label: 'INR', size: 80 }],
        series: [
          {},
          { label: 'P&L (INR)', stroke: '#1d4ed8', width: 2, value: (u, v) => (v === null ? '—' : v.toFixed(2)) },
          { label: 'Drawdown (INR)', stroke: '#b91c1c', fill: 'rgba(185,28,28,0.12)', value: (u, v) => (v === null ? '—' : v.toFixed(2)) },
        ],
      }, [times, pnl, drawdown], container);
    } else {
      if (this.plot.width !== width) {
        this.plot.setSize({ width, height: 320 });
      }
      this.plot.setData([times, pnl, drawdown]);
    }
  }

  figures(last) {
    const list = $('pnl-figures');
    if (!last) {
      list.replaceChildren(element('dt', { text: 'P&L' }), element('dd', { text: 'no readings yet today' }));
      return;
    }
    const entry = (label, amount) => [
      element('dt', { text: label }),
      element('dd', { class: 'number', title: `${toText(parse(amount))} INR exactly`, text: `${toFixed(parse(amount), 2)} INR` }),
    ];
    list.replaceChildren(...entry('P&L today', last.pnl), ...entry('Peak', last.peak), ...entry('Drawdown', last.drawdown),
      element('dt', { text: 'As of' }), element('dd', { title: last.at, text: new Date(last.at).toLocaleTimeString([], { hour12: false }) }));
  }
}
