package cn.gongjiang.registry.web;

import java.util.List;

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

import cn.gongjiang.registry.PersonArchive;
import cn.gongjiang.registry.PersonExport;
import cn.gongjiang.registry.PersonRegistration;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.registry.PersonSummary;
import cn.gongjiang.registry.PersonUnmasked;
import cn.gongjiang.shared.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/persons")
@Tag(name = "Registries")
class PersonApiController {

	private final PersonRegistry persons;
	private final PersonArchive archives;
	private final PersonExport export;

	PersonApiController(PersonRegistry persons, PersonArchive archives, PersonExport export) {
		this.persons = persons;
		this.archives = archives;
		this.export = export;
	}

	@Operation(summary = "The persons in scope as xlsx; numbers masked unless the account may unmask; audited")
	@GetMapping("/export.xlsx")
	void export(@AuthenticationPrincipal Actor actor, jakarta.servlet.http.HttpServletResponse response)
			throws java.io.IOException {
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"persons.xlsx\"");
		export.write(actor, response.getOutputStream());
	}

	@Operation(summary = "The person's lifelong training archive: registry history, certificates, grade changes")
	@GetMapping("/{id}/archive")
	PersonArchive.Archive archive(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return archives.of(actor, id);
	}

	@Operation(summary = "Find persons in scope: exactly by ID number (through the keyed index) or by name; ID and mobile masked")
	@GetMapping
	List<PersonSummary> search(@RequestParam(required = false) String idNumber,
			@RequestParam(required = false) String name, @AuthenticationPrincipal Actor actor) {
		return persons.search(actor, idNumber, name);
	}

	record Search(String idNumber, String name) {
	}

	@Operation(summary = "The same search with the ID number in the body rather than the URL (X-2: no personal data in URLs)")
	@PostMapping("/search")
	List<PersonSummary> searchByBody(@RequestBody Search search, @AuthenticationPrincipal Actor actor) {
		return persons.search(actor, search.idNumber(), search.name());
	}

	@Operation(summary = "One person in scope, masked")
	@GetMapping("/{id}")
	PersonSummary one(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return persons.find(actor, id);
	}

	@Operation(summary = "The full ID and mobile numbers: needs the unmask permission; every call is audited")
	@GetMapping("/{id}/unmasked")
	PersonUnmasked unmasked(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return persons.unmask(actor, id);
	}

	@Operation(summary = "Register a person, or update the record of the same ID number; a replay changes nothing")
	@PostMapping
	@ResponseStatus(HttpStatus.OK)
	PersonSummary register(@RequestBody PersonRegistration registration, @AuthenticationPrincipal Actor actor) {
		return persons.register(actor, registration);
	}
}
