// What-if (SUB-5): cost per region under the version in force and under the draft, in yuan. CSP: the data comes
// from the chart's data-chart attribute, rendered by the server in the page's language.
document.addEventListener('DOMContentLoaded', function () {
  var holder = document.getElementById('simulation-chart');
  if (!holder || !holder.dataset.chart || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(holder.dataset.chart);
  var number = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
  var money = function (value) { return number.format(value) + ' ' + data.unit; };
  var chart = echarts.init(holder);
  chart.setOption({
    tooltip: { trigger: 'axis', valueFormatter: money },
    legend: { data: [data.labels.current, data.labels.simulated] },
    grid: { left: 96, right: 16, top: 36, bottom: 64 },
    xAxis: { type: 'category', data: data.regions, axisLabel: { rotate: data.regions.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', axisLabel: { formatter: function (value) { return number.format(value); } }, name: data.unit },
    series: [
      { name: data.labels.current, type: 'bar', data: data.current, itemStyle: { color: '#6c7a91' } },
      { name: data.labels.simulated, type: 'bar', data: data.simulated, itemStyle: { color: '#b5452b' } }
    ]
  });
  window.addEventListener('resize', function () { chart.resize(); });
});
