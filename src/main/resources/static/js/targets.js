// The targets dashboard (CSP: no inline scripts; every word comes from the page): the region's children on the real
// map, coloured by status (or shaded by what was counted where they have no target), a click drilling into a region,
// and progress against the elapsed time (序时进度) as a chart.
(function () {
  'use strict';

  function readJson(element, attribute) {
    try {
      return JSON.parse(element.getAttribute(attribute));
    }
    catch (e) {
      return null;
    }
  }

  // the status colours are the legend's (console.css), read off its swatches
  function statusColours() {
    var colours = {};
    document.querySelectorAll('#legend .swatch[data-status]').forEach(function (swatch) {
      colours[swatch.dataset.status] = getComputedStyle(swatch).backgroundColor;
    });
    return colours;
  }

  function escape(text) {
    return echarts.format.encodeHTML(text == null ? '' : String(text));
  }

  function drawMap(holder) {
    var data = readJson(holder, 'data-map');
    if (!data || !data.map || typeof GongjiangMap === 'undefined') {
      return;
    }
    var name = GongjiangMap.mapName(data.map);
    if (!name) {
      return;
    }
    var byCode = {};
    data.regions.forEach(function (r) { byCode[r.code] = r; });
    var colours = statusColours();
    var drawn = {};
    var items = [];
    GongjiangMap.polygons(data.map).forEach(function (polygon) {
      var region = byCode[polygon.code];
      if (!region) {
        return;
      }
      drawn[region.code] = true;
      var item = {
        name: polygon.name, code: region.code, status: region.status, region: region,
        drawnAs: polygon.name !== region.name ? polygon.name : null,
        value: region.value == null ? null : Number(region.value)
      };
      if (data.mode === 'status') {
        var colour = colours[region.status] || colours.none;
        item.itemStyle = { areaColor: colour };
        item.emphasis = { itemStyle: { areaColor: colour } };
      }
      items.push(item);
    });
    var joiner = document.documentElement.lang.indexOf('zh') === 0 ? '、' : ', ';
    var missing = data.regions.filter(function (r) { return !drawn[r.code]; }).map(function (r) { return r.name; });
    var note = document.getElementById('map-note');
    if (note && missing.length) {
      note.textContent = holder.dataset.noPolygon.replace('[names]', missing.join(joiner));
      note.hidden = false;
    }
    var labels = data.labels;
    var option = {
      tooltip: {
        trigger: 'item',
        formatter: function (params) {
          var d = params.data;
          if (!d) {
            return escape(params.name);
          }
          var r = d.region;
          var lines = ['<strong>' + escape(r.name) + '</strong>'];
          if (d.drawnAs) {
            lines.push('<span class="text-secondary">' + escape(holder.dataset.drawnAs.replace('[name]', d.drawnAs)) + '</span>');
          }
          lines.push(escape(labels.target) + labels.sep + escape(r.target));
          lines.push(escape(labels.actual) + labels.sep + escape(r.actual));
          lines.push(escape(labels.progress) + labels.sep + escape(r.progress));
          lines.push(escape(labels.elapsed) + labels.sep + escape(r.elapsed));
          lines.push(escape(labels.status) + labels.sep + escape(r.statusName));
          return lines.join('<br>');
        }
      },
      series: [{
        type: 'map', map: name, roam: false, selectedMode: false, data: items,
        label: { show: true, fontSize: 11, color: data.mode === 'status' ? '#fff' : '#1f2937' },
        emphasis: { label: { show: true }, itemStyle: { borderColor: '#111827', borderWidth: 1.5 } },
        itemStyle: { borderColor: '#fff', borderWidth: 1, areaColor: colours.none || '#6b7280' }
      }]
    };
    if (data.mode === 'count') {
      var values = items.map(function (i) { return i.value || 0; });
      option.visualMap = {
        type: 'continuous', min: 0, max: Math.max(1, Math.max.apply(null, values)), left: 0, bottom: 0,
        text: [holder.dataset.more, holder.dataset.less], calculable: false,
        inRange: { color: ['#dbe7f7', '#1d5fb4'] }
      };
    }
    var chart = echarts.init(holder);
    chart.setOption(option);
    chart.on('click', function (params) {
      if (params.data && params.data.region && params.data.region.link) {
        window.location.href = params.data.region.link;
      }
    });
    // what was drawn, for whoever reads the page without looking at the canvas (and for the browser tests)
    holder.dataset.drawn = JSON.stringify(items.map(function (i) {
      return { name: i.name, code: i.code, status: i.status };
    }));
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function drawChart(holder) {
    var data = readJson(holder, 'data-chart');
    if (!data) {
      return;
    }
    var chart = echarts.init(holder);
    chart.setOption({
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v == null ? '—' : v + '%'; } },
      legend: { data: [data.labels.progress, data.labels.elapsed] },
      grid: { left: 48, right: 16, top: 36, bottom: 64 },
      xAxis: { type: 'category', data: data.regions, axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      series: [
        { name: data.labels.progress, type: 'bar', data: data.progress, itemStyle: { color: '#1d5fb4' } },
        { name: data.labels.elapsed, type: 'line', data: data.elapsed, itemStyle: { color: '#b42318' } }
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (typeof echarts === 'undefined') {
      return;
    }
    var map = document.getElementById('region-map');
    if (map) {
      drawMap(map);
    }
    var chart = document.getElementById('progress-chart');
    if (chart) {
      drawChart(chart);
    }
  });
})();
