package cn.gongjiang.supervision.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.gongjiang.supervision.Inspections;

/** 一公开: published inspection results, for anyone, without signing in. */
@Controller
class PublicInspectionsController {

	private final Inspections inspections;

	PublicInspectionsController(Inspections inspections) {
		this.inspections = inspections;
	}

	@GetMapping("/public/inspections")
	String published(Model model) {
		model.addAttribute("draws", inspections.published());
		return "supervision/public";
	}
}
