package cn.gongjiang.registry.web;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.gongjiang.registry.Enterprise;
import cn.gongjiang.registry.EnterpriseRegistration;
import cn.gongjiang.registry.OrganisationRegistry;
import cn.gongjiang.registry.Provider;
import cn.gongjiang.registry.ProviderRegistration;
import cn.gongjiang.shared.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Registries")
class OrganisationApiController {

	private final OrganisationRegistry registry;

	OrganisationApiController(OrganisationRegistry registry) {
		this.registry = registry;
	}

	@Operation(summary = "Enterprises in scope, by credit code or name")
	@GetMapping("/enterprises")
	List<Enterprise> enterprises(@RequestParam(required = false) String creditCode,
			@RequestParam(required = false) String name, @AuthenticationPrincipal Actor actor) {
		return registry.enterprises(actor, creditCode, name);
	}

	@GetMapping("/enterprises/{id}")
	Enterprise enterprise(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return registry.enterprise(actor, id);
	}

	@Operation(summary = "Register an enterprise or update the one with the same credit code")
	@PostMapping("/enterprises")
	Enterprise registerEnterprise(@RequestBody EnterpriseRegistration enterprise, @AuthenticationPrincipal Actor actor) {
		return registry.registerEnterprise(actor, enterprise);
	}

	@Operation(summary = "Training providers in scope, by credit code or name")
	@GetMapping("/providers")
	List<Provider> providers(@RequestParam(required = false) String creditCode,
			@RequestParam(required = false) String name, @AuthenticationPrincipal Actor actor) {
		return registry.providers(actor, creditCode, name);
	}

	@GetMapping("/providers/{id}")
	Provider provider(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return registry.provider(actor, id);
	}

	@Operation(summary = "Register a provider or update the one with the same credit code (status, star rating)")
	@PostMapping("/providers")
	Provider registerProvider(@RequestBody ProviderRegistration provider, @AuthenticationPrincipal Actor actor) {
		return registry.registerProvider(actor, provider);
	}
}
