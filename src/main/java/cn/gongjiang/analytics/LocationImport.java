package cn.gongjiang.analytics;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gongjiang.imports.CheckedRow;
import cn.gongjiang.imports.ImportColumn;
import cn.gongjiang.imports.ImportHandler;
import cn.gongjiang.imports.MergeCounts;
import cn.gongjiang.imports.RowError;
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
class LocationImport implements ImportHandler {

	static final String REGION = "乡镇街道区划代码", NAME = "名称", CATEGORY = "类别", LONGITUDE = "经度", LATITUDE = "纬度",
			CRS = "坐标系", SOURCE = "坐标来源";
	static final Map<String, String> CATEGORIES = Map.of("县城", "COUNTY_TOWN", "县城街道", "COUNTY_TOWN", "中心镇",
			"CENTRAL_TOWN", "一般乡镇", "TOWNSHIP", "乡镇", "TOWNSHIP", "重点村", "KEY_VILLAGE", "COUNTY_TOWN", "COUNTY_TOWN",
			"CENTRAL_TOWN", "CENTRAL_TOWN", "TOWNSHIP", "TOWNSHIP", "KEY_VILLAGE", "KEY_VILLAGE");

	private final AnalyticsScope scope;
	private final JdbcClient jdbc;

	LocationImport(AnalyticsScope scope, JdbcClient jdbc) {
		this.scope = scope;
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "locations";
	}

	@Override
	public List<ImportColumn> columns() {
		return List.of(ImportColumn.required(REGION, "9位乡镇街道代码，如 330603001；重点村填所在乡镇"),
				ImportColumn.required(NAME, "乡镇街道或重点村名称"),
				ImportColumn.required(CATEGORY, "县城、中心镇、一般乡镇 或 重点村"),
				ImportColumn.required(LONGITUDE, "十进制度，如 120.4921"), ImportColumn.required(LATITUDE, "十进制度，如 30.0818"),
				ImportColumn.required(CRS, "WGS-84 或 GCJ-02"), ImportColumn.required(SOURCE, "坐标来源及许可，如 天地图实测"));
	}

	@Override
	public boolean mayImport(Actor actor) {
		return actor.regionalOfficer();
	}

	@Override
	public String stagingTable() {
		return "analytics.location_staging";
	}

	@Override
	public List<String> stagingColumns() {
		return List.of("region_code", "county_path", "name", "category", "longitude", "latitude", "entered_crs",
				"entered_longitude", "entered_latitude", "source");
	}

	@Override
	public RowChecker checker(Actor actor) {
		var regions = scope.regions().all();
		return row -> {
			var missing = RowError.missing(row, columns());
			if (!missing.isEmpty()) {
				return CheckedRow.rejected(missing);
			}
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
			var column = LONGITUDE;
			try {
				var lon = Double.parseDouble(row.get(LONGITUDE));
				column = LATITUDE;
				var lat = Double.parseDouble(row.get(LATITUDE));
				column = CRS;
				var crs = TrainingSites.coordinateSystem(row.get(CRS));
				column = LONGITUDE;
				var point = TrainingSites.point(crs, lon, lat);
				return CheckedRow.staged(List.of(township.code(), county.path(), row.get(NAME), category,
						String.valueOf(point.longitude()), String.valueOf(point.latitude()), crs.name(), String.valueOf(lon),
						String.valueOf(lat), row.get(SOURCE)));
			}
			catch (BusinessException e) {
				return CheckedRow.rejected(row, column, e.code(), e.arguments());
			}
			catch (RuntimeException e) {
				return CheckedRow.rejected(row, column, "analytics.value.format");
			}
		};
	}

	@Override
	public List<RowError> checkStaged(UUID job) {
		return jdbc.sql("""
				select row_number, first_row from (
				    select row_number, min(row_number) over (partition by region_code, name) as first_row
				    from analytics.location_staging where job_id = :job
				) s where row_number <> first_row
				""").param("job", job).query((rs, i) -> RowError.of(rs.getInt(1), NAME, "duplicate-in-file", rs.getInt(2)))
				.list();
	}

	@Override
	public MergeCounts merge(UUID job, int fromRow, int toRow, Actor actor) {
		var staged = jdbc.sql("select count(*) from analytics.location_staging where job_id = :job and row_number "
				+ "between :from and :to").param("job", job).param("from", fromRow).param("to", toRow)
				.query(Integer.class).single();
		var changed = jdbc.sql("""
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
				""").param("job", job).param("from", fromRow).param("to", toRow).param("by", actor.username()).update();
		return new MergeCounts(changed, staged - changed);
	}
}
