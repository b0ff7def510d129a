package cn.gongjiang.registry.web;

import java.util.List;
import java.util.Map;

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
import cn.gongjiang.registry.OrganisationFilter;
import cn.gongjiang.registry.OrganisationRegistry;
import cn.gongjiang.registry.Provider;
import cn.gongjiang.registry.ProviderRegistration;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.security.Actor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Registries")
class OrganisationApiController {

	/** The sort keys the lists accept (the SQL behind them is the registry's own whitelist). */
	private static final Map<String, String> SORTS = Map.of("name", "name", "region", "region");

	private final OrganisationRegistry registry;

	OrganisationApiController(OrganisationRegistry registry) {
		this.registry = registry;
	}

	@Operation(summary = "Enterprises in scope, one page at a time: by credit code, or narrowed by part of the name, "
			+ "region, industry field, size and key-enterprise mark; sort=name|region (prefix - for descending)")
	@GetMapping("/enterprises")
	Page<Enterprise> enterprises(@RequestParam(required = false) String creditCode,
			@RequestParam(required = false) String name, @RequestParam(required = false) String region,
			@RequestParam(required = false) String field, @RequestParam(required = false) String size,
			@RequestParam(required = false) Boolean key, @RequestParam(required = false) String sort,
			@RequestParam(required = false) Integer page, @RequestParam(name = "pageSize", required = false) Integer pageSize,
			@AuthenticationPrincipal Actor actor) {
		if (creditCode != null && !creditCode.isBlank()) {
			var found = registry.enterprises(actor, creditCode, null);
			return Page.of(found, found.size(), PageRequest.first(Math.max(found.size(), 1)));
		}
		return registry.enterprisePage(actor, new OrganisationFilter(name, region, field, size, key, null, null),
				PageRequest.of(page, pageSize, sort, SORTS, "name"));
	}

	@Operation(summary = "An enterprise in scope")
	@GetMapping("/enterprises/{id}")
	Enterprise enterprise(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return registry.enterprise(actor, id);
	}

	@Operation(summary = "Register an enterprise or update the one with the same credit code")
	@PostMapping("/enterprises")
	Enterprise registerEnterprise(@RequestBody EnterpriseRegistration enterprise, @AuthenticationPrincipal Actor actor) {
		return registry.registerEnterprise(actor, enterprise);
	}

	@Operation(summary = "Training providers in scope, one page at a time: by credit code, or narrowed by part of the "
			+ "name, region, kind and status; sort=name|region (prefix - for descending)")
	@GetMapping("/providers")
	Page<Provider> providers(@RequestParam(required = false) String creditCode,
			@RequestParam(required = false) String name, @RequestParam(required = false) String region,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String status,
			@RequestParam(required = false) String sort, @RequestParam(required = false) Integer page,
			@RequestParam(name = "pageSize", required = false) Integer pageSize, @AuthenticationPrincipal Actor actor) {
		if (creditCode != null && !creditCode.isBlank()) {
			var found = registry.providers(actor, creditCode, null);
			return Page.of(found, found.size(), PageRequest.first(Math.max(found.size(), 1)));
		}
		return registry.providerPage(actor, new OrganisationFilter(name, region, null, null, null, kind, status),
				PageRequest.of(page, pageSize, sort, SORTS, "name"));
	}

	@Operation(summary = "A training provider in scope")
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
