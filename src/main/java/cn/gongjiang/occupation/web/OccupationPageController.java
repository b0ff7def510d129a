package cn.gongjiang.occupation.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import cn.gongjiang.occupation.OccupationCatalogue;

/** The occupation search page; htmx swaps in the result table as the user types. */
@Controller
class OccupationPageController {

	private final OccupationCatalogue occupations;

	OccupationPageController(OccupationCatalogue occupations) {
		this.occupations = occupations;
	}

	@GetMapping("/occupations")
	String search(@RequestParam(required = false) String q, @RequestHeader(name = "HX-Request", required = false)
			String htmx, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("results", q == null || q.isBlank() ? occupations.children(null) : occupations.search(q, 100));
		return htmx != null ? "occupation/search :: results" : "occupation/search";
	}
}
