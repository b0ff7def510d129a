package cn.gongjiang.region.web;

import java.util.LinkedHashMap;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gongjiang.region.Region;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/**
 * The region browser: from the account's own area (a Shaoxing officer starts at 绍兴市) down to the townships,
 * with a breadcrumb back up and the mountain counties marked.
 */
@Controller
class RegionPageController {

	private final RegionDirectory regions;

	RegionPageController(RegionDirectory regions) {
		this.regions = regions;
	}

	@GetMapping("/regions")
	String home(@AuthenticationPrincipal Actor actor) {
		var start = actor.scope().regional() ? actor.scope().value() : RegionCode.ZHEJIANG.value();
		return "redirect:/regions/" + start;
	}

	@GetMapping("/regions/{code}")
	String browse(@PathVariable String code, @AuthenticationPrincipal Actor actor, Model model) {
		var region = regions.find(RegionCode.of(code), actor);
		model.addAttribute("region", region);
		var lineage = regions.lineage(region);
		model.addAttribute("lineage", lineage);
		// the tree beside the table: at every level above, the regions the account may see, the path open
		var tree = new LinkedHashMap<String, List<Region>>();
		for (var ancestor : lineage.subList(0, Math.max(0, lineage.size() - 1))) {
			tree.put(ancestor.code(), regions.children(RegionCode.of(ancestor.code()), actor));
		}
		model.addAttribute("tree", tree);
		model.addAttribute("children", regions.children(RegionCode.of(code), actor));
		model.addAttribute("mountainCountyCount", regions.mountainCounties().size());
		model.addAttribute("canDesignate", actor.is(Role.PROVINCE_OFFICER));
		return "region/browse";
	}

	@PostMapping("/regions/{code}/mountain-county")
	String designate(@PathVariable String code, @RequestParam boolean mountainCounty, @RequestParam int version,
			@AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
		var county = regions.changeMountainCounty(RegionCode.of(code), mountainCounty, version, actor);
		redirect.addFlashAttribute("saved", county.name());
		return "redirect:/regions/" + county.parentCode();
	}
}
