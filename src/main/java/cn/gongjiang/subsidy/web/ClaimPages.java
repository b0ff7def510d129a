package cn.gongjiang.subsidy.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.web.ConsoleActions;
import cn.gongjiang.subsidy.claims.ClaimDocuments;
import cn.gongjiang.subsidy.claims.Claims;

/**
 * Claims under the city's schemes (SUB-4): an enterprise, provider or school picks a scheme, fills in its evidence and
 * follows its claims; county officers review, city officers approve, each step confirmed first.
 */
@Controller
class ClaimPages {

	static final List<String> STATUSES = List.of("SUBMITTED", "REVIEWED", "APPROVED", "REJECTED");

	/** Which evidence field a refusal concerns, so the form says it under that field. */
	private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("subsidy.claim.person-unknown", "idNumber"),
			Map.entry("subsidy.claim.name-mismatch", "name"), Map.entry("subsidy.claim.not-employed", "idNumber"),
			Map.entry("subsidy.claim.certificate-not-held", "certificateNumber"),
			Map.entry("subsidy.claim.grade", "certificateNumber"), Map.entry("subsidy.claim.bank-account", "bankAccount"),
			Map.entry("subsidy.step.claim.year-format", "year"), Map.entry("subsidy.step.claim.year-held", "year"),
			Map.entry("subsidy.step.claim.years-over-cap", "year"), Map.entry("subsidy.step.claim.amount-invalid", "amount"),
			Map.entry("subsidy.step.claim.amount-over-cap", "amount"),
			Map.entry("subsidy.step.claim.schedule-format", "firstMonth"),
			Map.entry("subsidy.step.claim.months-over-cap", "months"), Map.entry("subsidy.step.claim.month-held", "firstMonth"),
			Map.entry("subsidy.step.claim.class-level", "classLevel"),
			Map.entry("subsidy.step.claim.stays-format", "insuranceMonths"),
			Map.entry("subsidy.step.claim.not-stayed", "insuranceMonths"),
			Map.entry("subsidy.step.claim.years-studied", "yearsStudied"), Map.entry("subsidy.step.claim.days-format", "days"),
			Map.entry("subsidy.step.claim.days-over-cap", "days"));

	/** How each evidence field is asked for: the input's type (text, number, date, month, id, select). */
	static final Map<String, String> INPUTS = Map.ofEntries(Map.entry("idNumber", "id"), Map.entry("year", "year"),
			Map.entry("amount", "money"), Map.entry("firstMonth", "month"), Map.entry("months", "count"),
			Map.entry("hiredOn", "date"), Map.entry("classLevel", "class-level"), Map.entry("yearsStudied", "count"),
			Map.entry("insuranceMonths", "count"), Map.entry("contractYears", "count"), Map.entry("days", "count"),
			Map.entry("inProvince", "yes-no"));

	private final Claims claims;
	private final ClaimDocuments documents;
	private final ConsoleActions actions;
	private final MessageSource messages;

	ClaimPages(Claims claims, ClaimDocuments documents, ConsoleActions actions, MessageSource messages) {
		this.claims = claims;
		this.documents = documents;
		this.actions = actions;
		this.messages = messages;
	}

	@GetMapping("/subsidies/claims")
	String claims(@RequestParam(required = false) String scheme, @RequestParam(required = false) Long placement,
			@RequestParam(required = false) String status,
			@RequestParam(required = false) String claimScheme, @RequestParam(required = false) String claimant,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String sort, @AuthenticationPrincipal Actor actor, Model model) {
		var officer = actor.role().officer();
		model.addAttribute("officer", officer);
		model.addAttribute("statuses", STATUSES);
		var filter = new Claims.Filter(SubsidyWeb.blank(status), SubsidyWeb.blank(claimScheme),
				SubsidyWeb.blank(claimant));
		model.addAttribute("filter", filter);
		model.addAttribute("page", claims.list(actor, filter, PageRequest.of(page, size, sort, Claims.SORTS, "-submitted")));
		if (officer) {
			model.addAttribute("schemeCodes", DecisionPages.SCHEMES.subList(1, DecisionPages.SCHEMES.size()));
		}
		else {
			var schemes = claims.schemes(actor);
			model.addAttribute("schemes", schemes);
			model.addAttribute("schemeCodes", schemes.stream().map(Claims.Scheme::code).toList());
			model.addAttribute("scheme", schemes.stream().filter(s -> s.code().equals(scheme)).findFirst().orElse(null));
			model.addAttribute("inputs", INPUTS);
			model.addAttribute("maxFiles", ClaimDocuments.MAX_FILES);
			recordedHires(actor, scheme, placement, model);
			if (!model.containsAttribute("evidence")) {
				model.addAttribute("evidence", Map.of());
				model.addAttribute("fieldErrors", Map.of());
			}
		}
		return "subsidy/claims";
	}

	@PostMapping("/subsidies/claims")
	String submit(@RequestParam String scheme, @RequestParam(required = false) String bankAccount,
			@RequestParam Map<String, String> form, @RequestParam(name = "files", required = false) List<MultipartFile> files,
			@AuthenticationPrincipal Actor actor, RedirectAttributes redirect, Locale locale, Model model) {
		var evidence = new LinkedHashMap<String, String>();
		form.forEach((k, v) -> {
			if (k.startsWith("evidence.") && v != null && !v.isBlank()) {
				evidence.put(k.substring("evidence.".length()), v.strip());
			}
		});
		var errors = new HashMap<String, String>();
		var asked = claims.schemes(actor).stream().filter(s -> s.code().equals(scheme)).findFirst();
		var byHire = evidence.containsKey("placementId");
		asked.ifPresent(s -> s.evidence().stream().filter(e -> !evidence.containsKey(e))
				.filter(e -> !(byHire && Claims.FILLED_BY_HIRE.contains(e)))
				.forEach(e -> errors.put(e, messages.getMessage("subsidy.claim.field-required", null, locale))));
		if (bankAccount == null || bankAccount.isBlank()) {
			errors.put("bankAccount", messages.getMessage("subsidy.claim.field-required", null, locale));
		}
		if (errors.isEmpty()) {
			try {
				var claim = documents.submit(actor, new Claims.Submission(scheme, evidence, bankAccount),
						SubsidyWeb.uploads(files));
				redirect.addFlashAttribute("submitted", claim.id());
				return "redirect:/subsidies/claims";
			}
			catch (Claims.Refused refused) {
				var step = refused.step();
				var field = FIELDS.getOrDefault(step.reason(), FIELDS.get(step.code()));
				var text = messages.getMessage(step.reason(), step.argumentArray(), step.reason(), locale);
				if (field != null && (evidence.containsKey(field) || field.equals("bankAccount"))) {
					errors.put(field, text);
				}
				else {
					model.addAttribute("error", text);
				}
			}
			catch (BusinessException e) {
				var field = e.code().startsWith("id-number.") ? "idNumber"
						: e.code().startsWith("subsidy.document.") ? "files" : FIELDS.get(e.code());
				if (field != null) {
					errors.put(field, actions.message(e, locale));
				}
				else {
					model.addAttribute("error", actions.message(e, locale));
				}
			}
		}
		model.addAttribute("evidence", evidence);
		model.addAttribute("bankAccount", bankAccount);
		model.addAttribute("fieldErrors", errors);
		var placement = evidence.containsKey("placementId") ? parsed(evidence.get("placementId")) : null;
		return claims(scheme, placement, null, null, null, null, null, null, actor, model);
	}

	/**
	 * A per-hire scheme (004 第8条) offers the enterprise's recorded hires to claim from; with one chosen, the form
	 * shows it and asks only for what the hire does not say.
	 */
	private void recordedHires(Actor actor, String scheme, Long placement, Model model) {
		if (scheme == null || !Claims.PER_HIRE.contains(scheme)) {
			return;
		}
		if (placement != null) {
			claims.recordedHire(actor, placement).ifPresent(h -> {
				model.addAttribute("hire", h);
				model.addAttribute("filledByHire", Claims.FILLED_BY_HIRE);
			});
		}
		if (!model.containsAttribute("hire")) {
			model.addAttribute("hires", claims.recordedHires(actor, scheme));
		}
	}

	private static Long parsed(String value) {
		try {
			return Long.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	@GetMapping("/subsidies/claims/{id}")
	String claim(@PathVariable long id, @AuthenticationPrincipal Actor actor, Model model) {
		var claim = claims.claim(actor, id);
		model.addAttribute("c", claim);
		model.addAttribute("documents", documents.documents(actor, id));
		model.addAttribute("mine", !actor.role().officer() && actor.scope().value().equals(claim.claimantCode()));
		model.addAttribute("maxFiles", ClaimDocuments.MAX_FILES);
		model.addAttribute("officer", actor.role().officer());
		model.addAttribute("me", actor.username());
		return "subsidy/claim";
	}

	/** More evidence files from the claimant while the claim waits for review (SUB-4). */
	@PostMapping("/subsidies/claims/{id}/documents")
	String attach(@PathVariable long id, @RequestParam(name = "files", required = false) List<MultipartFile> files,
			@AuthenticationPrincipal Actor actor, RedirectAttributes redirect, Locale locale) {
		actions.attempt(redirect, locale, () -> documents.attach(actor, id, SubsidyWeb.uploads(files)));
		return "redirect:/subsidies/claims/" + id;
	}

	@PostMapping("/subsidies/claims/{id}/{step:review|decision}")
	String verdict(@PathVariable long id, @PathVariable String step, @RequestParam boolean passed,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String back,
			@AuthenticationPrincipal Actor actor, RedirectAttributes redirect, Locale locale) {
		actions.attempt(redirect, locale, () -> {
			if (step.equals("review")) {
				claims.review(actor, id, passed, reason);
			}
			else {
				claims.decide(actor, id, passed, reason);
			}
		});
		return "detail".equals(back) ? "redirect:/subsidies/claims/" + id : "redirect:/subsidies/claims";
	}
}
