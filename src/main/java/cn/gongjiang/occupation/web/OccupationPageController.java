package cn.gongjiang.occupation.web;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import cn.gongjiang.occupation.OccupationCatalogue;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;

/**
 * The occupation classification (职业分类大典): browsed from the eight 大类 down, or searched by name or code as one
 * types (htmx swaps in the results), filtered to green or digital occupations; results paged with their count.
 */
@Controller
class OccupationPageController {

	private final OccupationCatalogue occupations;

	OccupationPageController(OccupationCatalogue occupations) {
		this.occupations = occupations;
	}

	@GetMapping("/occupations")
	String search(@RequestParam(required = false) String q, @RequestParam(required = false) String parent,
			@RequestParam(required = false) String flag, @RequestParam(required = false) Integer page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		var green = "green".equals(flag) ? Boolean.TRUE : null;
		var digital = "digital".equals(flag) ? Boolean.TRUE : null;
		var searching = (q != null && !q.isBlank()) || green != null || digital != null;
		model.addAttribute("q", q);
		model.addAttribute("flag", green != null || digital != null ? flag : null);
		model.addAttribute("searching", searching);
		if (searching) {
			model.addAttribute("page", occupations.search(q, green, digital, PageRequest.of(page, 50, null, Map.of(), null)));
		}
		else {
			var children = occupations.children(parent == null || parent.isBlank() ? null : parent.strip());
			model.addAttribute("ancestors", occupations.ancestors(parent));
			model.addAttribute("page", Page.slice(children, PageRequest.of(page, 100, null, Map.of(), null)));
		}
		return htmx != null ? "occupation/search :: results" : "occupation/search";
	}

	/**
	 * The occupation picker's choices: by name or code, detailed occupations (细类) unless a form asks for
	 * a coarser level, each shown with its code since officials quote them.
	 */
	@GetMapping(path = "/occupations/options", produces = "application/json")
	@ResponseBody
	List<Map<String, String>> options(@RequestParam(required = false) String q,
			@RequestParam(defaultValue = "4") int level) {
		return occupations.search(q, 200).stream().filter(o -> o.level() >= level).limit(50)
				.map(o -> Map.of("value", o.code(), "text", o.name() + " " + o.code())).toList();
	}
}
