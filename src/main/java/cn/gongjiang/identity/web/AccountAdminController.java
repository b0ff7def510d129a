package cn.gongjiang.identity.web;

import java.util.Arrays;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gongjiang.identity.AccountAdministration;
import cn.gongjiang.identity.AccountQuery;
import cn.gongjiang.identity.NewAccount;
import cn.gongjiang.registry.OrganisationRegistry;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/**
 * The security administrator's account pages (安全管理员): the accounts paged and filtered, each scope in words; an
 * account opened with a role and a scope picked (a region from the cascade, a department from the list, an
 * organisation by its credit code, a worker by their ID number); unlock, disable, reset, each confirmed first.
 */
@Controller
class AccountAdminController {

	private final AccountAdministration administration;
	private final OrganisationRegistry organisations;
	private final MessageSource messages;

	AccountAdminController(AccountAdministration administration, OrganisationRegistry organisations,
			MessageSource messages) {
		this.administration = administration;
		this.organisations = organisations;
		this.messages = messages;
	}

	/**
	 * The form as typed, re-shown with the error when a rule refuses it. The scope comes from the field of the
	 * role's kind of scope; {@code scope} itself, when given, wins (API-like posts and older forms).
	 */
	record AccountForm(String username, String displayName, Role role, String scope, String scopeRegion,
			String scopeDepartment, String scopeEnterprise, String scopeProvider, String scopeSchool,
			String scopeIdNumber, String initialPassword, Boolean mayUnmask) {

		static AccountForm empty() {
			return new AccountForm("", "", Role.CITY_OFFICER, null, null, null, null, null, null, null, "", false);
		}

		public String chosenScope() {
			if (scope != null && !scope.isBlank()) {
				return scope;
			}
			if (role == null) {
				return null;
			}
			return switch (role) {
				case PROVINCE_OFFICER, CITY_OFFICER, COUNTY_OFFICER -> scopeRegion;
				case DEPARTMENT_OFFICER -> scopeDepartment;
				case ENTERPRISE -> scopeEnterprise;
				case TRAINING_PROVIDER -> scopeProvider;
				case TECHNICAL_SCHOOL -> scopeSchool;
				case WORKER -> scopeIdNumber;
				default -> null;
			};
		}

		/** The region field as the cascade should show it again. */
		public String regionValue() {
			return scopeRegion != null && !scopeRegion.isBlank() ? scopeRegion
					: role != null && role.scopeKind() == Role.ScopeKind.REGION ? scope : null;
		}

		/** Without the password and the ID number: neither is ever written back into a page. */
		AccountForm retyped() {
			return new AccountForm(username, displayName, role, scope, scopeRegion, scopeDepartment, scopeEnterprise,
					scopeProvider, scopeSchool, null, "", mayUnmask);
		}
	}

	@GetMapping("/admin/accounts")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String role,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
			@AuthenticationPrincipal Actor actor, Model model) {
		var query = new AccountQuery(q, parse(Role.class, role), parse(AccountQuery.Status.class, status));
		var request = PageRequest.of(page, size == null ? 50 : size, sort, AccountAdministration.SORTS, "username");
		model.addAttribute("query", query);
		model.addAttribute("page", administration.list(actor, query, request));
		model.addAttribute("roles", Role.values());
		model.addAttribute("statuses", AccountQuery.Status.values());
		return "identity/accounts";
	}

	@GetMapping("/admin/accounts/new")
	String newAccount(@AuthenticationPrincipal Actor actor, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", AccountForm.empty());
		}
		model.addAttribute("roles", Role.values());
		model.addAttribute("departments", administration.departments());
		model.addAttribute("organisationName", organisationName(
				(AccountForm) model.getAttribute("form")));
		return "identity/account-new";
	}

	@PostMapping("/admin/accounts")
	String open(AccountForm form, @AuthenticationPrincipal Actor actor, Model model, RedirectAttributes redirect,
			Locale locale) {
		try {
			administration.open(actor, new NewAccount(form.username(), form.displayName(), form.role(),
					form.chosenScope(), form.initialPassword(), Boolean.TRUE.equals(form.mayUnmask())));
		}
		catch (InvalidValueException | ConflictException e) {
			model.addAttribute("form", form.retyped());
			refused(e, model);
			return newAccount(actor, model);
		}
		redirect.addFlashAttribute("notice", messages.getMessage("accounts.saved", new Object[] { form.username() },
				locale));
		return "redirect:/admin/accounts";
	}

	@GetMapping("/admin/accounts/{id}")
	String account(@PathVariable long id, @AuthenticationPrincipal Actor actor, Model model) {
		var account = administration.account(actor, id);
		model.addAttribute("account", account);
		model.addAttribute("roles", Role.values());
		model.addAttribute("departments", administration.departments());
		model.addAttribute("own", account.id() == actor.accountId());
		return "identity/account";
	}

	@PostMapping("/admin/accounts/{id}/role")
	String changeRole(@PathVariable long id, AccountForm form,
			@RequestParam(defaultValue = "false") boolean mayUnmask, @RequestParam int version,
			@AuthenticationPrincipal Actor actor, Model model, RedirectAttributes redirect, Locale locale) {
		try {
			administration.changeRole(actor, id, form.role(), form.chosenScope(), mayUnmask, version);
		}
		catch (InvalidValueException | ConflictException e) {
			refused(e, model);
			return account(id, actor, model);
		}
		return done("accounts.done.role", id, actor, redirect, locale);
	}

	@PostMapping("/admin/accounts/{id}/password")
	String resetPassword(@PathVariable long id, @RequestParam String password, @RequestParam int version,
			@AuthenticationPrincipal Actor actor, Model model, RedirectAttributes redirect, Locale locale) {
		try {
			administration.resetPassword(actor, id, password, version);
		}
		catch (InvalidValueException | ConflictException e) {
			refused(e, model);
			return account(id, actor, model);
		}
		return done("accounts.done.password", id, actor, redirect, locale);
	}

	@PostMapping("/admin/accounts/{id}/unlock")
	String unlock(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal Actor actor,
			RedirectAttributes redirect, Locale locale) {
		administration.unlock(actor, id, version);
		return done("accounts.done.unlock", id, actor, redirect, locale);
	}

	@PostMapping("/admin/accounts/{id}/enabled")
	String enable(@PathVariable long id, @RequestParam boolean enabled, @RequestParam int version,
			@AuthenticationPrincipal Actor actor, RedirectAttributes redirect, Locale locale) {
		administration.setEnabled(actor, id, enabled, version);
		return done(enabled ? "accounts.done.enable" : "accounts.done.disable", id, actor, redirect, locale);
	}

	@PostMapping("/admin/accounts/{id}/second-factor/reset")
	String resetSecondFactor(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal Actor actor,
			RedirectAttributes redirect, Locale locale) {
		administration.resetSecondFactor(actor, id, version);
		return done("accounts.done.totp", id, actor, redirect, locale);
	}

	/**
	 * The organisation field's choices: the organisation a credit code belongs to, by its registered name, so the
	 * administrator binds the account to the organisation they mean. Only a whole credit code is looked up: a
	 * security administrator reads no registry.
	 */
	@GetMapping(path = "/admin/accounts/organisations.json", produces = "application/json")
	@ResponseBody
	List<Map<String, String>> organisations(@RequestParam(defaultValue = "enterprise") String kind,
			@RequestParam(required = false) String q, @AuthenticationPrincipal Actor actor) {
		var code = q == null ? "" : q.strip().toUpperCase(Locale.ROOT);
		if (!actor.is(Role.SECURITY_ADMIN) || !code.matches("[0-9A-HJ-NPQRTUWXY]{18}")) {
			return List.of();
		}
		var name = "enterprise".equals(kind) ? organisations.enterprise(code).map(e -> e.name())
				: organisations.provider(code).map(p -> p.name());
		return name.map(n -> List.of(Map.of("value", code, "text", n + " " + code))).orElse(List.of());
	}

	private String done(String key, long id, Actor actor, RedirectAttributes redirect, Locale locale) {
		var username = administration.account(actor, id).username();
		redirect.addFlashAttribute("notice", messages.getMessage(key, new Object[] { username }, locale));
		return "redirect:/admin/accounts";
	}

	private static void refused(BusinessException e, Model model) {
		model.addAttribute("formError", e.code());
		model.addAttribute("formErrorArguments", e.arguments());
	}

	/** The organisation already chosen in a refused form, named so the picker shows it again. */
	private String organisationName(AccountForm form) {
		if (form == null || form.role() == null) {
			return null;
		}
		var code = form.chosenScope();
		if (code == null || code.isBlank()) {
			return null;
		}
		return switch (form.role()) {
			case ENTERPRISE -> organisations.enterprise(code).map(e -> e.name()).orElse(null);
			case TRAINING_PROVIDER, TECHNICAL_SCHOOL -> organisations.provider(code).map(p -> p.name()).orElse(null);
			default -> null;
		};
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		return value == null ? null
				: Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value)).findFirst().orElse(null);
	}
}
