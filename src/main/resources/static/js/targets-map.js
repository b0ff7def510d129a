// The real map of Zhejiang and its cities, for every page that draws one: which ECharts map each bundled file
// in /maps registers, and the region each polygon stands for today. The bundled boundaries predate some
// redistricting (see /maps/README.md), so a polygon is matched to today's region code, never by its printed name.
(function () {
  'use strict';

  // the name each /maps/<code>.js file registers with ECharts
  var REGISTERED = {
    '330000': '浙江', '330100': '杭州', '330200': '宁波', '330300': '温州', '330400': '嘉兴', '330500': '湖州',
    '330600': '绍兴', '330700': '金华', '330800': '衢州', '330900': '舟山', '331000': '台州', '331100': '丽水'
  };

  // polygons whose id is a code retired since the map was drawn, and the region holding that area in the 2023
  // divisions: 下城区 → 拱墅区 and 江干区 → 上城区 (2021), 临安市 → 临安区 (2017), 奉化 (2016), 玉环县 → 玉环市 (2017)
  var NOW = { '330103': '330105', '330104': '330102', '330185': '330112', '330283': '330213', '331021': '331083' };

  /** The ECharts map name for a region's bundled file, or null when it has none or it did not load. */
  function mapName(code) {
    var name = REGISTERED[code];
    return name && typeof echarts !== 'undefined' && echarts.getMap(name) ? name : null;
  }

  /** The polygons of a region's map: each with the name it is drawn under and today's region code it stands for. */
  function polygons(code) {
    var name = mapName(code);
    if (!name) {
      return [];
    }
    var map = echarts.getMap(name);
    var features = (map.geoJSON || map.geoJson).features;
    return features.map(function (feature) {
      var id = String(feature.id || (feature.properties && feature.properties.adcode) || '');
      return { name: feature.properties.name, code: NOW[id] || id, renamed: !!NOW[id] };
    });
  }

  window.GongjiangMap = { mapName: mapName, polygons: polygons };
})();
