// Small helpers to build the pages' elements without HTML strings (no injection).
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'class') {
      element.className = value;
    } else if (name === 'style') {
      // Through the CSSOM: the Content-Security-Policy refuses style attributes.
      element.style.cssText = value;
    } else if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.substring(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, value);
    }
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** A table; columns [{key, label, numeric, render}], rows of objects; sortable when asked. */
export function table(columns, rows, { sortable = false, id, caption } = {}) {
  const body = h('tbody');
  let order = { key: null, ascending: true };
  const fill = () => {
    body.replaceChildren();
    const sorted = [...rows];
    if (order.key) {
      sorted.sort((a, b) => {
        const x = a[order.key];
        const y = b[order.key];
        const compared = typeof x === 'number' && typeof y === 'number' ? x - y : String(x ?? '').localeCompare(String(y ?? ''));
        return order.ascending ? compared : -compared;
      });
    }
    for (const row of sorted) {
      body.append(h('tr', { class: row._class },
        columns.map((c) => h('td', { class: c.numeric ? 'num' : null }, c.render ? c.render(row) : row[c.key] ?? '—'))));
    }
  };
  const head = h('tr', {}, columns.map((c) => {
    if (!sortable) {
      return h('th', { scope: 'col', class: c.numeric ? 'num' : null }, c.label);
    }
    const th = h('th', { scope: 'col', class: c.numeric ? 'num' : null, 'aria-sort': 'none' });
    const button = h('button', { type: 'button', class: 'sort', onclick: () => {
      order = { key: c.key, ascending: order.key === c.key ? !order.ascending : !c.numeric };
      head.querySelectorAll('th').forEach((cell) => cell.setAttribute('aria-sort', 'none'));
      th.setAttribute('aria-sort', order.ascending ? 'ascending' : 'descending');
      fill();
    } }, c.label);
    th.append(button);
    return th;
  }));
  fill();
  return h('div', { class: 'table-wrap' }, h('table', { id }, caption ? h('caption', {}, caption) : null, h('thead', {}, head), body));
}

export function clear(element) {
  element.replaceChildren();
  return element;
}
