// Exact decimal arithmetic on the API's decimal strings ("1450.05"), with BigInt: money and quantities
// are never Numbers here. Only the chart converts to Number, to place points on screen.

/** @typedef {{units: bigint, scale: number}} Decimal  the value is units / 10^scale */

/** @param {string} text @returns {Decimal} */
export function parse(text) {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(text).trim());
  if (!match) {
    throw new Error(`not a decimal: ${text}`);
  }
  const fraction = match[3] ?? '';
  const units = BigInt(match[2] + fraction);
  return { units: match[1] ? -units : units, scale: fraction.length };
}

/** @param {Decimal} d @param {number} scale @returns {bigint} */
function unitsAt(d, scale) {
  return d.units * 10n ** BigInt(scale - d.scale);
}

/** @param {Decimal} a @param {Decimal} b @returns {Decimal} */
export function add(a, b) {
  const scale = Math.max(a.scale, b.scale);
  return { units: unitsAt(a, scale) + unitsAt(b, scale), scale };
}

/** @param {Decimal} a @param {Decimal} b @returns {Decimal} */
export function multiply(a, b) {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

/** @param {Decimal} a @returns {Decimal} */
export function abs(a) {
  return { units: a.units < 0n ? -a.units : a.units, scale: a.scale };
}

/** @param {Decimal} a @returns {number} -1, 0 or 1 */
export function sign(a) {
  return a.units < 0n ? -1 : a.units > 0n ? 1 : 0;
}

/** The exact value as text, without trailing zeros. @param {Decimal} d @returns {string} */
export function toText(d) {
  const negative = d.units < 0n;
  let digits = (negative ? -d.units : d.units).toString().padStart(d.scale + 1, '0');
  let text = d.scale === 0 ? digits : `${digits.slice(0, -d.scale)}.${digits.slice(-d.scale)}`;
  if (d.scale > 0) {
    text = text.replace(/0+$/, '').replace(/\.$/, '');
  }
  return (negative && text !== '0' ? '-' : '') + text;
}

/**
 * Rounded half away from zero to {@code places} decimals, with thousands separators: for display.
 * @param {Decimal} d @param {number} places @returns {string}
 */
export function toFixed(d, places) {
  const negative = d.units < 0n;
  let units = negative ? -d.units : d.units;
  if (d.scale > places) {
    const divisor = 10n ** BigInt(d.scale - places);
    const remainder = units % divisor;
    units = units / divisor + (remainder * 2n >= divisor ? 1n : 0n);
  } else {
    units *= 10n ** BigInt(places - d.scale);
  }
  const digits = units.toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = places > 0 ? `${whole}.${digits.slice(-places)}` : whole;
  return (negative && units !== 0n ? '-' : '') + text;
}
