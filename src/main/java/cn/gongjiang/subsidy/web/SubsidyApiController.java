package cn.gongjiang.subsidy.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.subsidy.Decision;
import cn.gongjiang.subsidy.PolicyPack;
import cn.gongjiang.subsidy.PolicyPacks;
import cn.gongjiang.subsidy.SubsidyDecisions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Subsidy decisions, the packs they follow, the budgets they commit (SUB-1..3, in part). */
@RestController
@RequestMapping("/api/v1/subsidies")
@Tag(name = "Subsidies")
class SubsidyApiController {

	record Allocation(String region, int year, BigDecimal amount) {
	}

	private final SubsidyDecisions decisions;
	private final PolicyPacks packs;

	SubsidyApiController(SubsidyDecisions decisions, PolicyPacks packs) {
		this.decisions = decisions;
		this.packs = packs;
	}

	@Operation(summary = "Decisions in scope with every step, its clause and verdict; filters certificateNumber, outcome, year")
	@GetMapping("/decisions")
	List<Decision> decisions(@RequestParam(required = false) String certificateNumber,
			@RequestParam(required = false) String outcome, @RequestParam(required = false) Integer year,
			@AuthenticationPrincipal Actor actor) {
		return decisions.list(actor, certificateNumber, outcome, year);
	}

	@Operation(summary = "The published pack versions with their parameters and sources")
	@GetMapping("/packs")
	List<PolicyPack> packs() {
		return packs.published();
	}

	@Operation(summary = "Draft the next version of a scope's pack, in full, from a date")
	@PostMapping("/packs")
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
	PolicyPack draft(@RequestBody PolicyPacks.Draft draft, @AuthenticationPrincipal Actor actor) {
		return packs.draft(actor, draft);
	}

	@Operation(summary = "What a draft changes against the version in force on its date")
	@GetMapping("/packs/{id}/compare")
	List<PolicyPacks.Difference> compare(@org.springframework.web.bind.annotation.PathVariable long id) {
		return packs.compare(id);
	}

	@Operation(summary = "Publish a draft: another officer than the one who drafted it")
	@PostMapping("/packs/{id}/publish")
	PolicyPack publish(@org.springframework.web.bind.annotation.PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return packs.publish(actor, id);
	}

	@Operation(summary = "Add money to a county's budget for a year; decisions waiting for it are granted, oldest first")
	@PostMapping("/budgets")
	Map<String, Integer> allocate(@RequestBody Allocation allocation, @AuthenticationPrincipal Actor actor) {
		return Map.of("released", decisions.allocate(actor, allocation.region(), allocation.year(), allocation.amount()));
	}
}
