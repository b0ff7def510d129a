package cn.gongjiang.region.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.gongjiang.region.Region;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.region.RegionLevel;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;

/**
 * The region cascader of every console form and filter (X-4: pickers, not codes): what the reader's scope fixes is
 * shown as text, each level below it is a select, from their own region down to the depth the field needs. A
 * Shaoxing officer picks a county of Shaoxing; a province officer a city, then its county; an enterprise or a school
 * any county of the province. Rendered by {@code fragments/pickers :: region}, refilled by {@code console.js}.
 */
@Component("regionPicker")
public class RegionPicker {

	/** One level of the cascade: fixed (the reader's own region or above) or a choice among the regions there. */
	public record Level(RegionLevel level, String fixedName, List<Option> options, String selected, int choice) {

		public boolean fixed() {
			return fixedName != null;
		}
	}

	public record Option(String code, String name) {
	}

	private final RegionDirectory regions;

	RegionPicker(RegionDirectory regions) {
		this.regions = regions;
	}

	/** The cascade for a field whose value is {@code selected}, down to {@code depth} (CITY, COUNTY, TOWNSHIP). */
	public List<Level> cascade(Actor actor, String selected, String depth) {
		var deepest = RegionLevel.valueOf(depth == null ? "COUNTY" : depth.toUpperCase());
		var all = regions.names();
		var root = root(actor);
		var chosen = selected == null ? null : all.get(selected);
		var chain = chosen == null ? List.<String>of() : chosen.lineage();
		var levels = new ArrayList<Level>();
		for (var code : all.get(root).lineage()) {
			var region = all.get(code);
			if (region.level() != RegionLevel.PROVINCE || root.equals(code) && deepest == RegionLevel.PROVINCE) {
				levels.add(new Level(region.level(), region.name(), List.of(), code, -1));
			}
		}
		var parent = root;
		var choice = 0;
		for (var level = all.get(root).level().ordinal() + 1; level <= deepest.ordinal(); level++) {
			var at = RegionLevel.values()[level];
			var pick = chain.size() > level ? chain.get(level) : null;
			var options = parent == null ? List.<Option>of() : children(actor, parent);
			levels.add(new Level(at, null, options, pick, choice++));
			parent = pick;
		}
		return levels;
	}

	/** The field's value: the one given, or the reader's own region where their scope leaves no choice. */
	public String value(Actor actor, String value, String depth) {
		if (value != null && !value.isBlank()) {
			return value;
		}
		var root = root(actor);
		var deepest = RegionLevel.valueOf(depth == null ? "COUNTY" : depth.toUpperCase());
		return regions.names().get(root).level().ordinal() >= deepest.ordinal() ? root : null;
	}

	/** Where the reader's choice starts: their own region, or the province for everyone else. */
	public String root(Actor actor) {
		return actor != null && actor.scope().regional() ? actor.scope().value() : RegionCode.ZHEJIANG.value();
	}

	/** The regions directly below {@code parent} the reader may see, for the next select of the cascade. */
	List<Option> children(Actor actor, String parent) {
		return regions.children(RegionCode.of(parent), actor).stream().map(RegionPicker::option).toList();
	}

	private static Option option(Region region) {
		return new Option(region.code(), region.name());
	}
}
