package cn.gongjiang.certification.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.gongjiang.certification.EvaluationFiling;
import cn.gongjiang.certification.EvaluationFilings;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/evaluation-filings")
@Tag(name = "Certificates")
class EvaluationFilingApiController {

	private final EvaluationFilings filings;

	EvaluationFilingApiController(EvaluationFilings filings) {
		this.filings = filings;
	}

	record Withdrawal(String reason) {
	}

	@Operation(summary = "Evaluation bodies filed to evaluate occupations: an officer's region's, a provider's or "
			+ "school's own; sort=evaluator|occupation|filed (prefix - for descending)")
	@GetMapping
	Page<EvaluationFiling> list(@RequestParam(required = false) String evaluator,
			@RequestParam(defaultValue = "false") boolean standing, @RequestParam(required = false) Integer page,
			@RequestParam(name = "pageSize", required = false) Integer pageSize,
			@RequestParam(required = false) String sort, @AuthenticationPrincipal Actor actor) {
		return filings.list(actor, evaluator, standing,
				PageRequest.of(page, pageSize, sort, EvaluationFilings.SORTS, "-filed"));
	}

	@Operation(summary = "File a provider or school of the region to evaluate an occupation (province and city "
			+ "officers); its skill certificates for that occupation are then its own to issue")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	EvaluationFiling file(@RequestBody EvaluationFiling.Request request, @AuthenticationPrincipal Actor actor) {
		return filings.file(actor, request);
	}

	@Operation(summary = "Withdraw a filing with the reason: certificates issued under it stand, new ones are refused")
	@PostMapping("/{id}/withdrawal")
	EvaluationFiling withdraw(@PathVariable long id, @RequestBody Withdrawal withdrawal,
			@AuthenticationPrincipal Actor actor) {
		return filings.withdraw(actor, id, withdrawal.reason());
	}
}
