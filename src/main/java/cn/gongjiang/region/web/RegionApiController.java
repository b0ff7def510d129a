package cn.gongjiang.region.web;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.gongjiang.region.Region;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;

@RestController
@RequestMapping("/api/v1/regions")
@Tag(name = "Reference data")
class RegionApiController {

	private final RegionDirectory regions;

	RegionApiController(RegionDirectory regions) {
		this.regions = regions;
	}

	record RegionView(String code, String name, String level, String kind, String parentCode, Boolean mountainCounty,
			boolean hasChildren, int version) {

		static RegionView of(Region r) {
			return new RegionView(r.code(), r.name(), r.level().name(), r.kind(), r.parentCode(), r.mountainCounty(),
					r.hasChildren(), r.version());
		}
	}

	/** Checked by the directory after the role, so that a role that may not change regions is refused first. */
	record MountainCountyChange(@NotNull Boolean mountainCounty, @NotNull Integer version) {
	}

	@Operation(summary = "One region by GB/T 2260 code (9 digits for a township); regional officers see their own area and the regions above it")
	@GetMapping("/{code}")
	RegionView one(@PathVariable String code, @AuthenticationPrincipal Actor actor) {
		return RegionView.of(regions.find(RegionCode.of(code), actor));
	}

	@Operation(summary = "The regions directly below one: 330000 gives the 11 cities")
	@GetMapping("/{code}/children")
	List<RegionView> children(@PathVariable String code, @AuthenticationPrincipal Actor actor) {
		return regions.children(RegionCode.of(code), actor).stream().map(RegionView::of).toList();
	}

	@Operation(summary = "Designate or undesignate a mountain-area county (山区26县); province officers only")
	@PatchMapping("/{code}")
	RegionView changeMountainCounty(@PathVariable String code, @RequestBody MountainCountyChange change,
			@AuthenticationPrincipal Actor actor) {
		return RegionView.of(regions.changeMountainCounty(RegionCode.of(code), change.mountainCounty(),
				change.version(), actor));
	}
}
