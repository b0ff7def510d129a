package cn.gongjiang.registry.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.gongjiang.registry.PensionRecord;
import cn.gongjiang.registry.PersonDetails;
import cn.gongjiang.registry.PersonExport;
import cn.gongjiang.registry.PersonFilter;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.registry.PersonSummary;
import cn.gongjiang.registry.PersonUnmasked;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.PersonId;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.web.Downloads;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.servlet.http.HttpServletResponse;

@RestController
@RequestMapping("/api/v1/persons")
@Tag(name = "Registries")
class PersonApiController {

	private final PersonRegistry persons;
	private final PersonExport export;

	private final Clock clock;

	PersonApiController(PersonRegistry persons, PersonExport export, Clock clock) {
		this.persons = persons;
		this.export = export;
		this.clock = clock;
	}

	@Operation(summary = "The persons in scope as xlsx, narrowed like the list; numbers masked unless the account may unmask; audited")
	@GetMapping("/export.xlsx")
	void export(@RequestParam(required = false) String name, @RequestParam(required = false) String region,
			@RequestParam(required = false) String group, @RequestParam(required = false) String sex,
			@RequestParam(required = false) String employer, @AuthenticationPrincipal Actor actor,
			HttpServletResponse response) throws IOException {
		var file = Downloads.attachment(response, "人员库-" + LocalDate.now(clock) + ".xlsx", Downloads.XLSX);
		export.write(actor, new PersonFilter(name, region, group, sex, employer), file);
	}

	@Operation(summary = "The persons in scope, one page at a time: newest registrations first (sort=registered) or by "
			+ "name (sort=name), narrowed by exact name, residence region, person group, sex or employer; keyset pages "
			+ "(pass the page's next or previous as after or before); total exact, or a lower bound when totalExact is "
			+ "false. A worker gets their own record; idNumber finds one person exactly (prefer POST /search).")
	@GetMapping
	Page<PersonSummary> list(@RequestParam(required = false) String idNumber,
			@RequestParam(required = false) String name, @RequestParam(required = false) String region,
			@RequestParam(required = false) String group, @RequestParam(required = false) String sex,
			@RequestParam(required = false) String employer, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String after, @RequestParam(required = false) String before,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size,
			@AuthenticationPrincipal Actor actor) {
		if ((idNumber != null && !idNumber.isBlank()) || !actor.regionalOfficer()) {
			var found = persons.search(actor, idNumber, name);
			return Page.of(found, found.size(), PageRequest.first(Math.max(found.size(), 1)));
		}
		return persons.list(actor, new PersonFilter(name, region, group, sex, employer), sort, after, before, page,
				new PageRequest(1, size, null, false).size());
	}

	record Search(String idNumber, String name) {
	}

	@Operation(summary = "The same search with the ID number in the body rather than the URL (X-2: no personal data in URLs)")
	@PostMapping("/search")
	List<PersonSummary> searchByBody(@RequestBody Search search, @AuthenticationPrincipal Actor actor) {
		return persons.search(actor, search.idNumber(), search.name());
	}

	@Operation(summary = "Record whether the person draws a monthly urban employee pension, from what source, as of "
			+ "when (officers of the person's region); the training subsidy reads it past retirement age")
	@PutMapping("/{id}/pension")
	PersonSummary pension(@PathVariable long id, @RequestBody PensionRecord record,
			@AuthenticationPrincipal Actor actor) {
		return persons.recordPension(actor, PersonId.of(id), record);
	}

	@Operation(summary = "One person in scope, masked")
	@GetMapping("/{id}")
	PersonSummary one(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return persons.find(actor, id);
	}

	@Operation(summary = "The full ID and mobile numbers: needs the unmask permission and a reason (at most 200 "
			+ "characters), both kept in the audit log")
	@GetMapping("/{id}/unmasked")
	PersonUnmasked unmasked(@PathVariable long id, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal Actor actor) {
		return persons.unmask(actor, id, reason);
	}

	@Operation(summary = "Register a person, or update the record of the same ID number; a replay changes nothing")
	@PostMapping
	@ResponseStatus(HttpStatus.OK)
	PersonSummary register(@RequestBody PersonDetails registration, @AuthenticationPrincipal Actor actor) {
		return persons.register(actor, registration);
	}
}
