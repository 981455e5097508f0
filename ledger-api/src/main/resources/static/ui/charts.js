// Charts are drawn by ECharts (from its WebJar); each has a "table" toggle showing the same
// numbers as an HTML table, for screen readers, keyboards and printing.
import { h, table } from './dom.js';
import { t } from './i18n.js';

const live = new Set();

const ECHARTS = '/webjars/echarts/dist/echarts.min.js';

let loading = null;

/**
 * Loads ECharts once, asynchronously: the router asks for it as soon as a page has sent its
 * requests, so that its megabyte of script is fetched and compiled while the ledger answers
 * (rather than before the first request, as a script tag in the head made it).
 */
export function loadCharts() {
  if (!loading) {
    loading = window.echarts ? Promise.resolve(window.echarts) : new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = ECHARTS;
      script.async = true;
      script.addEventListener('load', () => resolve(window.echarts));
      script.addEventListener('error', () => { loading = null; reject(new Error(`${ECHARTS} did not load`)); });
      document.head.append(script);
    });
  }
  return loading;
}

export function disposeCharts() {
  live.forEach((chart) => chart.dispose());
  live.clear();
}

/**
 * A card with a chart and its table. option: the ECharts option; columns/rows: the table.
 */
export function chartCard({ id, title, option, columns, rows, wide = false, height }) {
  const chartBox = h('div', { class: 'chart', role: 'img', 'aria-label': title, style: height ? `height: ${height}px` : null });
  const tableBox = h('div', { class: 'chart-table', hidden: true }, table(columns, rows, { id: `${id}-table` }));
  const toggle = h('button', { type: 'button', class: 'toggle', 'aria-pressed': 'false', 'aria-controls': `${id}-table` }, t('chart.showTable'));
  toggle.addEventListener('click', () => {
    const showTable = tableBox.hidden;
    tableBox.hidden = !showTable;
    chartBox.hidden = showTable;
    toggle.setAttribute('aria-pressed', String(showTable));
    toggle.textContent = showTable ? t('chart.showChart') : t('chart.showTable');
    if (!showTable && chart) {
      chart.resize();
    }
  });
  const card = h('section', { class: wide ? 'card wide' : 'card', id, 'aria-labelledby': `${id}-title` },
    h('div', { class: 'card-head' }, h('h3', { id: `${id}-title` }, title), toggle), chartBox, tableBox);
  // ECharts measures its element: draw once the card is in the page, redraw on resize.
  let chart = null;
  let pending = false;
  const observer = new ResizeObserver(() => {
    if (chartBox.clientWidth === 0) {
      return;
    }
    if (chart) {
      chart.resize();
      return;
    }
    if (pending) {
      return;
    }
    pending = true;
    loadCharts().then((echarts) => {
      pending = false;
      if (chart || !chartBox.isConnected || chartBox.clientWidth === 0) {
        return;
      }
      chart = echarts.init(chartBox, null, { renderer: 'canvas' });
      live.add(chart);
      // Tooltips drawn on the canvas: ECharts' HTML tooltips carry style attributes, which
      // the Content-Security-Policy refuses.
      const tooltip = option.tooltip ? { tooltip: { renderMode: 'richText', ...option.tooltip } } : {};
      chart.setOption({ animation: false, textStyle: { fontFamily: 'inherit' }, ...option, ...tooltip });
      chartBox.dataset.drawn = 'true';
    }, () => { pending = false; });
  });
  observer.observe(chartBox);
  return card;
}

export const PALETTE = ['#c23531', '#2f4554', '#61a0a8', '#d48265', '#91c7ae', '#749f83', '#ca8622', '#bda29a'];
