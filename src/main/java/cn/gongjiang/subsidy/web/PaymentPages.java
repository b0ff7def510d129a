package cn.gongjiang.subsidy.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.web.ConsoleActions;
import cn.gongjiang.subsidy.payments.PaymentBatches;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Paying (SUB-3): what is due per paying region and funding source, the batches opened from it, approved by a second
 * officer after confirming, their bank files (the API's, read with the console session) and the bank's statement.
 */
@Controller
class PaymentPages {

	static final List<String> STATUSES = List.of("DRAFT", "APPROVED", "SENT", "CLOSED");

	private final PaymentBatches batches;
	private final ConsoleActions actions;

	PaymentPages(PaymentBatches batches, ConsoleActions actions) {
		this.batches = batches;
		this.actions = actions;
	}

	@GetMapping("/subsidies/payments")
	String payments(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
			@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("queue", batches.queue(actor));
		model.addAttribute("page", batches.list(actor, status,
				PageRequest.of(page, size, sort, PaymentBatches.SORTS, "-opened")));
		model.addAttribute("statuses", STATUSES);
		model.addAttribute("me", actor.username());
		return "subsidy/payments";
	}

	@GetMapping("/subsidies/payments/batches/{id}")
	String batch(@PathVariable long id, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("b", batches.batch(actor, id));
		model.addAttribute("page", batches.lines(actor, id, PageRequest.of(page, size, null, Map.of(), null)));
		model.addAttribute("me", actor.username());
		return "subsidy/batch";
	}

	@PostMapping("/subsidies/payments/batches")
	String open(@RequestParam String region, @RequestParam String fundingSource, @AuthenticationPrincipal Actor actor,
			RedirectAttributes redirect, Locale locale) {
		actions.attempt(redirect, locale, () -> batches.open(actor, region, fundingSource));
		return "redirect:/subsidies/payments";
	}

	/**
	 * The bank file from the console: the same as the API's, but a refusal (a batch another officer changed or sent
	 * meanwhile) comes back to the payments page in words instead of a problem document in the browser.
	 */
	@GetMapping("/subsidies/payments/batches/{id}/bank-file")
	String bankFile(@PathVariable long id, @RequestParam(defaultValue = "csv") String format,
			@RequestParam(required = false) Integer version, @AuthenticationPrincipal Actor actor,
			HttpServletResponse response, RedirectAttributes redirect, Locale locale) throws IOException {
		try {
			SubsidyWeb.download(format, id, response, (f, out) -> batches.bankFile(actor, id, f, out, version));
			return null;
		}
		catch (BusinessException refused) {
			if (response.isCommitted()) {
				throw refused;
			}
			response.reset();
			redirect.addFlashAttribute("error", actions.message(refused, locale));
			return "redirect:/subsidies/payments";
		}
	}

	@PostMapping("/subsidies/payments/batches/{id}/approve")
	String approve(@PathVariable long id, @RequestParam(required = false) String back,
			@RequestParam(required = false) Integer version, @AuthenticationPrincipal Actor actor,
			RedirectAttributes redirect, Locale locale) {
		actions.attempt(redirect, locale, () -> batches.approve(actor, id, version));
		return "detail".equals(back) ? "redirect:/subsidies/payments/batches/" + id : "redirect:/subsidies/payments";
	}
}
