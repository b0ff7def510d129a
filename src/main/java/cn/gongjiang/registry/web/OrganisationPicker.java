package cn.gongjiang.registry.web;

import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import cn.gongjiang.registry.OrganisationRegistry;
import cn.gongjiang.shared.security.Actor;

/**
 * The enterprise, provider and school picker's choices: organisations in the reader's scope whose name
 * contains what they typed, or whose credit code it is; value the credit code, text the name.
 */
@Controller
class OrganisationPicker {

	private static final int CHOICES = 20;

	private final OrganisationRegistry organisations;

	OrganisationPicker(OrganisationRegistry organisations) {
		this.organisations = organisations;
	}

	@GetMapping(path = "/organisations/options", produces = "application/json")
	@ResponseBody
	List<Map<String, String>> options(@RequestParam(defaultValue = "enterprise") String kind,
			@RequestParam(required = false) String q, @AuthenticationPrincipal Actor actor) {
		var text = q == null ? "" : q.strip();
		if (!actor.scope().regional()) {
			// accounts without a region (the security administrator opening an enterprise's account, an enterprise
			// inviting another to an event) find organisations by their public name
			return organisations.named(kind, text, CHOICES).stream()
					.map(e -> Map.of("value", e.getKey(), "text", e.getValue())).toList();
		}
		var code = text.matches("[0-9A-HJ-NPQRTUWXY]{18}") ? text : null;
		var name = code == null ? text : null;
		if (kind.equals("enterprise")) {
			return organisations.enterprises(actor, code, name).stream().limit(CHOICES)
					.map(e -> Map.of("value", e.creditCode(), "text", e.name())).toList();
		}
		var schools = kind.equals("school");
		return organisations.providers(actor, code, name).stream()
				.filter(p -> !schools || OrganisationRegistry.TECHNICAL_SCHOOL_KINDS.contains(p.kind()))
				.limit(CHOICES).map(p -> Map.of("value", p.creditCode(), "text", p.name())).toList();
	}
}
