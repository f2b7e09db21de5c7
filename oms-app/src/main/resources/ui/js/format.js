// Table cells for numbers: right-aligned, with their unit, money to 2 decimals and the exact value in
// the tooltip (title), so nothing shown is ever a rounded Number.
import { parse, toFixed, toText } from './decimal.js';

/**
 * @param {string} tag
 * @param {Record<string, string>} [attributes]
 * @param {(Node|string|null|undefined)[]} [children]
 * @returns {HTMLElement}
 */
export function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'text') {
      node.textContent = value;
    } else {
      node.setAttribute(name, value);
    }
  }
  for (const child of children) {
    if (child !== null && child !== undefined) {
      node.append(child);
    }
  }
  return node;
}

/** A money amount: "1,234.50 INR", exact in the tooltip. @param {string|null} amount @param {string} [currency] */
export function money(amount, currency = 'INR') {
  if (amount === null || amount === undefined) {
    return numberCell('—', '');
  }
  const d = parse(amount);
  const cell = numberCell(`${toFixed(d, 2)} ${currency}`, `${toText(d)} ${currency} exactly`);
  cell.classList.add(d.units < 0n ? 'negative' : d.units > 0n ? 'positive' : 'zero');
  return cell;
}

/** A price: as exact as the venue's tick. @param {string|null} price @param {string} [currency] */
export function price(price, currency = 'INR') {
  if (price === null || price === undefined) {
    return numberCell('—', '');
  }
  const d = parse(price);
  return numberCell(`${toFixed(d, Math.max(2, d.scale))} ${currency}`, `${toText(d)} ${currency}`);
}

/** A quantity in units (shares, lots). @param {string|null} quantity */
export function quantity(quantity) {
  if (quantity === null || quantity === undefined) {
    return numberCell('—', '');
  }
  const exact = toText(parse(quantity));
  return numberCell(exact, `${exact} units`);
}

/** @param {string} text @param {string} title */
function numberCell(text, title) {
  const cell = element('td', { class: 'number', text });
  if (title) {
    cell.title = title;
  }
  return cell;
}

/** A time of day in the browser's zone, with the UTC instant in the tooltip. @param {string|null} instant */
export function time(instant) {
  if (!instant) {
    return element('td', { text: '—' });
  }
  const at = new Date(instant);
  return element('td', { text: at.toLocaleTimeString([], { hour12: false }), title: instant });
}
