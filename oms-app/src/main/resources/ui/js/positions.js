// Positions and portfolio: per position quantity, prices, P&L, fees and exposure; totals per account
// and strategy from the server (exact). Position events from the stream update rows as marks move.
import { get } from './api.js';
import { abs, multiply, parse, toText } from './decimal.js';
import { element, money, price, quantity } from './format.js';

const $ = (id) => document.getElementById(id);
const PORTFOLIO_EVERY_MILLIS = 1000;

export class Positions {
  constructor() {
    /** @type {Map<string, any>} */
    this.positions = new Map();
    this.portfolioDue = null;
  }

  async refresh() {
    const [positions] = await Promise.all([get('/api/v1/positions'), this.refreshPortfolio()]);
    this.positions = new Map(positions.items.map((p) => [key(p), p]));
    this.render();
  }

  /** The tab was opened: start from the server's figures. */
  shown() {
    this.refresh().catch(() => {});
  }

  async refreshPortfolio() {
    const portfolio = await get('/api/v1/portfolio');
    const rows = [];
    for (const account of portfolio.accounts) {
      rows.push(totalsRow(account.account, 'all', account.totals, true));
      for (const strategy of account.strategies) {
        rows.push(totalsRow(account.account, strategy.strategy, strategy.totals, false));
      }
    }
    $('portfolio').tBodies[0].replaceChildren(...rows);
  }

  onPosition(update) {
    const position = update.position;
    this.positions.set(key(position), position);
    this.render();
    // Marks arrive several times a second: the totals are re-read at most once a second.
    if (!this.portfolioDue) {
      this.portfolioDue = setTimeout(() => {
        this.portfolioDue = null;
        this.refreshPortfolio().catch(() => {});
      }, PORTFOLIO_EVERY_MILLIS);
    }
  }

  render() {
    const rows = [...this.positions.values()]
      .filter((p) => p.quantity !== '0' || p.realizedPnl !== '0')
      .sort((a, b) => key(a).localeCompare(key(b)))
      .map((p) => element('tr', { 'data-instrument': p.instrument, 'data-quantity': p.quantity }, [
        element('td', { text: p.account }),
        element('td', { text: p.strategy }),
        element('td', { text: p.instrument }),
        element('td', { text: p.product }),
        quantity(p.quantity),
        price(p.averagePrice),
        price(p.lastPrice),
        money(p.realizedPnl),
        money(p.unrealizedPnl),
        money(p.fees),
        money(exposure(p)),
      ]));
    $('positions').tBodies[0].replaceChildren(...rows);
  }
}

function key(p) {
  return `${p.account}|${p.strategy}|${p.instrument}|${p.product}`;
}

/** |quantity| × last price (else average price), exact. */
function exposure(p) {
  const mark = p.lastPrice ?? p.averagePrice;
  return mark === null ? null : toText(abs(multiply(parse(p.quantity), parse(mark))));
}

function totalsRow(account, strategy, totals, isAccount) {
  return element('tr', { class: isAccount ? 'total' : '' }, [
    element(isAccount ? 'th' : 'td', isAccount ? { scope: 'row', text: account } : { text: account }),
    element('td', { text: strategy }),
    money(totals.realizedPnl),
    money(totals.unrealizedPnl),
    money(totals.totalPnl),
    money(totals.fees),
    money(totals.grossExposure),
    money(totals.netExposure),
    quantity(String(totals.openPositions)),
  ]);
}
