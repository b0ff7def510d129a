// What-if (SUB-5): cost per region under the version in force and under the draft (CSP: data from the page's JSON).
document.addEventListener('DOMContentLoaded', function () {
  var holder = document.getElementById('simulation-chart');
  var source = document.getElementById('simulation-data');
  if (!holder || !source || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(source.textContent);
  var chart = echarts.init(holder);
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { data: [data.labels.current, data.labels.simulated] },
    grid: { left: 72, right: 16, top: 36, bottom: 64 },
    xAxis: { type: 'category', data: data.regions, axisLabel: { rotate: 30 } },
    yAxis: { type: 'value' },
    series: [
      { name: data.labels.current, type: 'bar', data: data.current, itemStyle: { color: '#555' } },
      { name: data.labels.simulated, type: 'bar', data: data.simulated, itemStyle: { color: '#b5452b' } }
    ]
  });
  window.addEventListener('resize', function () { chart.resize(); });
});
