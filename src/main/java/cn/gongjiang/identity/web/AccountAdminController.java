package cn.gongjiang.identity.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gongjiang.identity.AccountAdministration;
import cn.gongjiang.identity.NewAccount;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/** The security administrator's account page: list, open an account, unlock, disable, reset. */
@Controller
class AccountAdminController {

	private final AccountAdministration administration;

	AccountAdminController(AccountAdministration administration) {
		this.administration = administration;
	}

	/** The form as typed, re-shown with the error when a rule refuses it. */
	record AccountForm(String username, String displayName, Role role, String scope, String initialPassword,
			Boolean mayUnmask) {

		static AccountForm empty() {
			return new AccountForm("", "", Role.CITY_OFFICER, "", "", false);
		}
	}

	@GetMapping("/admin/accounts")
	String list(@AuthenticationPrincipal Actor actor, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", AccountForm.empty());
		}
		model.addAttribute("accounts", administration.list(actor));
		model.addAttribute("roles", Role.values());
		return "identity/accounts";
	}

	@PostMapping("/admin/accounts")
	String open(AccountForm form, @AuthenticationPrincipal Actor actor, Model model, RedirectAttributes redirect) {
		try {
			administration.open(actor, new NewAccount(form.username(), form.displayName(), form.role(), form.scope(),
					form.initialPassword(), Boolean.TRUE.equals(form.mayUnmask())));
		}
		catch (InvalidValueException | ConflictException e) {
			model.addAttribute("form", new AccountForm(form.username(), form.displayName(), form.role(),
					form.scope(), "", form.mayUnmask()));
			model.addAttribute("formError", e.code());
			return list(actor, model);
		}
		redirect.addFlashAttribute("saved", form.username());
		return "redirect:/admin/accounts";
	}

	@GetMapping("/admin/accounts/{id}")
	String account(@PathVariable long id, @AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("account", administration.account(actor, id));
		model.addAttribute("roles", Role.values());
		return "identity/account";
	}

	@PostMapping("/admin/accounts/{id}/role")
	String changeRole(@PathVariable long id, @RequestParam Role role, @RequestParam(required = false) String scope,
			@RequestParam(defaultValue = "false") boolean mayUnmask, @RequestParam int version,
			@AuthenticationPrincipal Actor actor, Model model) {
		try {
			administration.changeRole(actor, id, role, scope, mayUnmask, version);
		}
		catch (InvalidValueException | ConflictException e) {
			model.addAttribute("formError", e.code());
			return account(id, actor, model);
		}
		return "redirect:/admin/accounts";
	}

	@PostMapping("/admin/accounts/{id}/password")
	String resetPassword(@PathVariable long id, @RequestParam String password, @RequestParam int version,
			@AuthenticationPrincipal Actor actor, Model model) {
		try {
			administration.resetPassword(actor, id, password, version);
		}
		catch (InvalidValueException | ConflictException e) {
			model.addAttribute("formError", e.code());
			return account(id, actor, model);
		}
		return "redirect:/admin/accounts";
	}

	@PostMapping("/admin/accounts/{id}/unlock")
	String unlock(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal Actor actor) {
		administration.unlock(actor, id, version);
		return "redirect:/admin/accounts";
	}

	@PostMapping("/admin/accounts/{id}/enabled")
	String enable(@PathVariable long id, @RequestParam boolean enabled, @RequestParam int version,
			@AuthenticationPrincipal Actor actor) {
		administration.setEnabled(actor, id, enabled, version);
		return "redirect:/admin/accounts";
	}

	@PostMapping("/admin/accounts/{id}/second-factor/reset")
	String resetSecondFactor(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal Actor actor) {
		administration.resetSecondFactor(actor, id, version);
		return "redirect:/admin/accounts";
	}
}
