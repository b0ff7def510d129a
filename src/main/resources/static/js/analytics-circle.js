// The 30-minute training circle of a county on a map (ANA-4): townships and key villages within 30 minutes, those
// beyond, and the training sites. The county boundaries come from the bundled map of the county's city
// (/maps/<city code>.js registering the city's short name, e.g. '绍兴'; the page names the file only when it is
// bundled); until it is, the same points are drawn on a plain longitude/latitude plane.
document.addEventListener('DOMContentLoaded', function () {
  var holder = document.getElementById('circle-map');
  var source = document.getElementById('circle-data');
  if (!holder || !source || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(source.textContent);
  var chart = echarts.init(holder);
  window.addEventListener('resize', function () { chart.resize(); });

  function tooltip(p) {
    if (p.seriesIndex === 2) {
      return p.name;
    }
    return p.name + (p.value[2] >= 0 ? ' · ' + p.value[2] + ' ' + data.labels.minutes : '');
  }
  function series(coordinateSystem) {
    return [
      { name: data.labels.within, type: 'scatter', coordinateSystem: coordinateSystem, data: data.within, symbolSize: 9, itemStyle: { color: '#2f9e44' } },
      { name: data.labels.beyond, type: 'scatter', coordinateSystem: coordinateSystem, data: data.beyond, symbolSize: 11, itemStyle: { color: '#d63939' } },
      { name: data.labels.sites, type: 'scatter', coordinateSystem: coordinateSystem, data: data.sites, symbol: 'diamond', symbolSize: 14, itemStyle: { color: '#1c5fb4' } }
    ];
  }
  function plain() {
    holder.setAttribute('data-map', 'plane');
    chart.setOption({
      tooltip: { trigger: 'item', formatter: tooltip },
      legend: { data: [data.labels.within, data.labels.beyond, data.labels.sites] },
      grid: { left: 56, right: 24, top: 40, bottom: 40 },
      xAxis: { type: 'value', scale: true, axisLabel: { formatter: '{value}°E' } },
      yAxis: { type: 'value', scale: true, axisLabel: { formatter: '{value}°N' } },
      series: series('cartesian2d')
    });
  }
  function onMap() {
    holder.setAttribute('data-map', 'geo');
    chart.setOption({
      tooltip: { trigger: 'item', formatter: tooltip },
      legend: { data: [data.labels.within, data.labels.beyond, data.labels.sites] },
      geo: { map: data.cityName, roam: true, label: { show: true, fontSize: 10 }, itemStyle: { areaColor: '#f4f1ea', borderColor: '#999' } },
      series: series('geo')
    });
  }
  if (echarts.getMap && echarts.getMap(data.cityName)) {
    onMap();
    return;
  }
  if (!data.mapFile) {
    plain();
    return;
  }
  var script = document.createElement('script');
  script.src = data.mapFile;
  script.onload = function () {
    if (echarts.getMap && echarts.getMap(data.cityName)) {
      onMap();
    } else {
      plain();
    }
  };
  script.onerror = plain;
  document.head.appendChild(script);
});
