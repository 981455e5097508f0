// Charts are drawn by ECharts (from its WebJar); each has a "table" toggle showing the same
// numbers as an HTML table, for screen readers, keyboards and printing.
import { h, table } from './dom.js';
import { t } from './i18n.js';

const live = new Set();

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
  const observer = new ResizeObserver(() => {
    if (chartBox.clientWidth === 0) {
      return;
    }
    if (!chart) {
      chart = echarts.init(chartBox, null, { renderer: 'canvas' });
      live.add(chart);
      // Tooltips drawn on the canvas: ECharts' HTML tooltips carry style attributes, which
      // the Content-Security-Policy refuses.
      const tooltip = option.tooltip ? { tooltip: { renderMode: 'richText', ...option.tooltip } } : {};
      chart.setOption({ animation: false, textStyle: { fontFamily: 'inherit' }, ...option, ...tooltip });
    } else {
      chart.resize();
    }
  });
  observer.observe(chartBox);
  return card;
}

export const PALETTE = ['#c23531', '#2f4554', '#61a0a8', '#d48265', '#91c7ae', '#749f83', '#ca8622', '#bda29a'];
