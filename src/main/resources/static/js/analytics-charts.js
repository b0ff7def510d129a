// Charts of the analysis pages (ANA-1..3), drawn from the JSON block each page carries (CSP: no inline scripts).
document.addEventListener('DOMContentLoaded', function () {
  if (typeof echarts === 'undefined') {
    return;
  }
  function data(id) {
    var source = document.getElementById(id);
    return source ? JSON.parse(source.textContent) : null;
  }
  function draw(holderId, option) {
    var holder = document.getElementById(holderId);
    if (!holder) {
      return;
    }
    var chart = echarts.init(holder);
    chart.setOption(option);
    window.addEventListener('resize', function () { chart.resize(); });
  }
  var grid = { left: 56, right: 56, top: 40, bottom: 64, containLabel: true };

  var shares = data('shares-data');
  if (shares && shares.regions && shares.regions.length) {
    draw('shares-chart', {
      tooltip: { trigger: 'axis' },
      legend: { data: [shares.labels.skilled, shares.labels.high, shares.labels.share] },
      grid: grid,
      xAxis: { type: 'category', data: shares.regions, axisLabel: { rotate: 30 } },
      yAxis: [{ type: 'value' }, { type: 'value', axisLabel: { formatter: '{value}%' } }],
      series: [
        { name: shares.labels.skilled, type: 'bar', data: shares.skilled, itemStyle: { color: '#b5452b' } },
        { name: shares.labels.high, type: 'bar', data: shares.high, itemStyle: { color: '#e3a33b' } },
        { name: shares.labels.share, type: 'line', yAxisIndex: 1, data: shares.share, connectNulls: false, itemStyle: { color: '#555' } }
      ]
    });
  }

  var wages = data('wages-data');
  if (wages && wages.series && wages.series.length) {
    draw('wages-chart', {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', data: wages.series.map(function (s) { return s.name; }) },
      grid: grid,
      xAxis: { type: 'category', data: wages.years },
      yAxis: { type: 'value', name: wages.unit },
      series: wages.series.map(function (s) { return { name: s.name, type: 'line', data: s.data, connectNulls: false }; })
    });
  }

  var profile = data('profile-data');
  if (profile) {
    if (profile.grades && profile.grades.length) {
      draw('pyramid-chart', {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { data: [profile.labels.male, profile.labels.female] },
        grid: grid,
        xAxis: { type: 'value' },
        yAxis: { type: 'category', data: profile.grades },
        series: [
          { name: profile.labels.male, type: 'bar', stack: 'sex', data: profile.male, itemStyle: { color: '#3b6fb5' } },
          { name: profile.labels.female, type: 'bar', stack: 'sex', data: profile.female, itemStyle: { color: '#c0504d' } }
        ]
      });
    }
    if (profile.ages && profile.ages.length) {
      draw('ages-chart', {
        tooltip: { trigger: 'item' },
        series: [{ type: 'pie', radius: ['35%', '65%'], data: profile.ages }]
      });
    }
    if (profile.groups && profile.groups.length) {
      draw('groups-chart', {
        tooltip: { trigger: 'axis' },
        grid: grid,
        xAxis: { type: 'value' },
        yAxis: { type: 'category', data: profile.groups },
        series: [{ name: profile.labels.skilled, type: 'bar', data: profile.groupCounts, itemStyle: { color: '#b5452b' } }]
      });
    }
  }

  var person = data('person-data');
  if (person && person.points && person.points.length) {
    draw('grade-chart', {
      tooltip: { trigger: 'axis', formatter: function (p) { return p[0].value[0] + ' ' + person.gradeNames[p[0].value[1]]; } },
      grid: grid,
      xAxis: { type: 'time' },
      yAxis: { type: 'value', min: 1, max: 8, interval: 1, axisLabel: { formatter: function (v) { return person.gradeNames[v] || ''; } } },
      series: [{ name: person.label, type: 'line', step: 'end', data: person.points, itemStyle: { color: '#b5452b' } }]
    });
  }
});
