package cn.gongjiang.region.web;

import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

import cn.gongjiang.shared.security.Actor;

/** The next level of a region cascader, as the console's script asks for it when a level is chosen. */
@Controller
class RegionPickerController {

	private final RegionPicker picker;

	RegionPickerController(RegionPicker picker) {
		this.picker = picker;
	}

	@GetMapping(path = "/regions/{code}/children.json", produces = "application/json")
	@ResponseBody
	List<Map<String, String>> children(@PathVariable String code, @AuthenticationPrincipal Actor actor) {
		return picker.children(actor, code).stream().map(o -> Map.of("code", o.code(), "name", o.name())).toList();
	}
}
