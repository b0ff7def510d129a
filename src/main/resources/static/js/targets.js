// Progress against elapsed time (序时进度) per region, from the JSON the page carries (CSP: no inline scripts).
document.addEventListener('DOMContentLoaded', function () {
  var holder = document.getElementById('progress-chart');
  var source = document.getElementById('progress-data');
  if (!holder || !source || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(source.textContent);
  var chart = echarts.init(holder);
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { data: [data.labels.progress, data.labels.elapsed] },
    grid: { left: 48, right: 16, top: 36, bottom: 64 },
    xAxis: { type: 'category', data: data.regions, axisLabel: { rotate: 30 } },
    yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    series: [
      { name: data.labels.progress, type: 'bar', data: data.progress, itemStyle: { color: '#b5452b' } },
      { name: data.labels.elapsed, type: 'line', data: data.elapsed, itemStyle: { color: '#555' } }
    ]
  });
  window.addEventListener('resize', function () { chart.resize(); });
});
