package cn.gongjiang.supervision.web;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.supervision.Inspections;
import cn.gongjiang.training.TrainingClass;

/** 一公开: published inspection results, for anyone, without signing in, most recently published first. */
@Controller
class PublicInspectionsController {

	private final Inspections inspections;
	private final DrawTargets targets;

	PublicInspectionsController(Inspections inspections, DrawTargets targets) {
		this.inspections = inspections;
		this.targets = targets;
	}

	@GetMapping("/public/inspections")
	String published(@RequestParam(required = false) Integer page, Model model) {
		var draws = inspections.published(PageRequest.of(page, 10, null, Map.of(), null));
		var classes = new HashMap<String, TrainingClass.Summary>();
		draws.items().forEach(d -> classes.putAll(targets.classesOf(d)));
		model.addAttribute("page", draws);
		model.addAttribute("classes", classes);
		return "supervision/public";
	}
}
