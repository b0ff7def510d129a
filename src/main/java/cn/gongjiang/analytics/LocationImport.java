package cn.gongjiang.analytics;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gongjiang.imports.CheckedRow;
import cn.gongjiang.imports.ImportColumn;
import cn.gongjiang.imports.MergeCounts;
import cn.gongjiang.imports.RowError;
import cn.gongjiang.imports.StagedImport;
import cn.gongjiang.region.RegionLevel;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.security.Actor;

/**
 * Township and key-village points by file (kind {@code locations}, ANA-4): the township's code (a village names its
 * township), the name, what it is on 001's axis (县城, 中心镇, 一般乡镇, 重点村), the coordinates and their system
 * (WGS-84 or GCJ-02, stored as WGS-84) and where they come from. The same point again changes nothing; a moved one
 * is updated.
 */
@Component
class LocationImport extends StagedImport {

	static final String REGION = "乡镇街道区划代码", NAME = "名称", CATEGORY = "类别", LONGITUDE = "经度", LATITUDE = "纬度",
			CRS = "坐标系", SOURCE = "坐标来源";
	static final Map<String, String> CATEGORIES = Map.of("县城", "COUNTY_TOWN", "县城街道", "COUNTY_TOWN", "中心镇",
			"CENTRAL_TOWN", "一般乡镇", "TOWNSHIP", "乡镇", "TOWNSHIP", "重点村", "KEY_VILLAGE", "COUNTY_TOWN", "COUNTY_TOWN",
			"CENTRAL_TOWN", "CENTRAL_TOWN", "TOWNSHIP", "TOWNSHIP", "KEY_VILLAGE", "KEY_VILLAGE");

	private final AnalyticsScope scope;

	LocationImport(AnalyticsScope scope, JdbcClient jdbc) {
		super("locations", List.of(ImportColumn.required(REGION, "9位乡镇街道代码，如 330603001；重点村填所在乡镇"),
				ImportColumn.required(NAME, "乡镇街道或重点村名称"),
				ImportColumn.required(CATEGORY, "县城、中心镇、一般乡镇 或 重点村"),
				ImportColumn.required(LONGITUDE, "十进制度，如 120.4921"), ImportColumn.required(LATITUDE, "十进制度，如 30.0818"),
				ImportColumn.required(CRS, "WGS-84 或 GCJ-02"), ImportColumn.required(SOURCE, "坐标来源及许可，如 天地图实测")),
				"analytics.location_staging", List.of("region_code", "county_path", "name", "category", "longitude",
						"latitude", "entered_crs", "entered_longitude", "entered_latitude", "source"), jdbc);
		this.scope = scope;
	}

	@Override
	public boolean mayImport(Actor actor) {
		return actor.regionalOfficer();
	}

	@Override
	public RowChecker checker(Actor actor) {
		var regions = scope.regions().all();
		var rows = rowCheck().formatErrorsAs("analytics.value.format");
		return row -> rows.check(row, () -> {
			var township = regions.get(row.get(REGION));
			if (township == null || township.level() != RegionLevel.TOWNSHIP) {
				return CheckedRow.rejected(row, REGION, "analytics.location.township", row.get(REGION));
			}
			var county = regions.get(township.parentCode());
			if (!actor.scope().covers(county.path())) {
				return CheckedRow.rejected(row, REGION, "scope.outside", row.get(REGION));
			}
			var category = CATEGORIES.get(row.get(CATEGORY));
			if (category == null) {
				return CheckedRow.rejected(row, CATEGORY, "analytics.location.category", row.get(CATEGORY));
			}
			if (row.get(NAME).length() > 60) {
				return CheckedRow.rejected(row, NAME, "analytics.location.name");
			}
			var lon = row.read(LONGITUDE, Double::parseDouble);
			var lat = row.read(LATITUDE, Double::parseDouble);
			var crs = row.read(CRS, TrainingSites::coordinateSystem);
			// a point outside the province is reported on the longitude, the first of the pair
			var point = BusinessException.about(LONGITUDE, () -> TrainingSites.point(crs, lon, lat));
			return CheckedRow.staged(List.of(township.code(), county.path(), row.get(NAME), category,
					String.valueOf(point.longitude()), String.valueOf(point.latitude()), crs.name(),
					String.valueOf(lon), String.valueOf(lat), row.get(SOURCE)));
		});
	}

	@Override
	public List<RowError> checkStaged(UUID job) {
		return duplicatesInFile(job, "region_code, name", NAME);
	}

	@Override
	public MergeCounts merge(UUID job, int fromRow, int toRow, Actor actor) {
		var staged = staged(job, fromRow, toRow);
		var changed = overRows("""
				insert into analytics.location (region_code, county_path, name, category, longitude, latitude,
				    entered_crs, entered_longitude, entered_latitude, source, recorded_by)
				select region_code, county_path, name, category, longitude, latitude, entered_crs, entered_longitude,
				       entered_latitude, source, :by
				from analytics.location_staging where job_id = :job and row_number between :from and :to
				on conflict (region_code, name) do update
				    set category = excluded.category, longitude = excluded.longitude, latitude = excluded.latitude,
				        entered_crs = excluded.entered_crs, entered_longitude = excluded.entered_longitude,
				        entered_latitude = excluded.entered_latitude, source = excluded.source, illustrative = false,
				        updated_at = now()
				    where (location.category, location.entered_longitude, location.entered_latitude, location.entered_crs,
				           location.source) is distinct from (excluded.category, excluded.entered_longitude,
				           excluded.entered_latitude, excluded.entered_crs, excluded.source)
				""", job, fromRow, toRow).param("by", actor.username()).update();
		return new MergeCounts(changed, staged - changed);
	}
}
