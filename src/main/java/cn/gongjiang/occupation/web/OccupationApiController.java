package cn.gongjiang.occupation.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.gongjiang.occupation.Occupation;
import cn.gongjiang.occupation.OccupationCatalogue;
import cn.gongjiang.shared.OccupationCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/occupations")
@Tag(name = "Reference data")
class OccupationApiController {

	private final OccupationCatalogue occupations;

	OccupationApiController(OccupationCatalogue occupations) {
		this.occupations = occupations;
	}

	@Operation(summary = "One entry of the 2022 occupational classification, e.g. 6-18-01-01 车工")
	@GetMapping("/{code}")
	Occupation one(@PathVariable String code) {
		return occupations.find(OccupationCode.of(code));
	}

	@Operation(summary = "Search occupations by name or code prefix; without q, the eight 大类")
	@GetMapping
	List<Occupation> search(@RequestParam(required = false) String q,
			@RequestParam(defaultValue = "50") int limit) {
		return q == null || q.isBlank() ? occupations.children(null) : occupations.search(q, limit);
	}
}
