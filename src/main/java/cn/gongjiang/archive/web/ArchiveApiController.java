package cn.gongjiang.archive.web;

import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.gongjiang.archive.PersonArchive;
import cn.gongjiang.shared.PersonId;
import cn.gongjiang.shared.security.Actor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/persons")
@Tag(name = "Registries")
class ArchiveApiController {

	private final PersonArchive archives;

	ArchiveApiController(PersonArchive archives) {
		this.archives = archives;
	}

	@Operation(summary = "The person's lifelong training archive, newest first: registry history, certificates, grade "
			+ "changes, training, enrolment and subsidies, each entry one sentence in the request's language")
	@GetMapping("/{id}/archive")
	PersonArchive.Archive archive(@PathVariable long id, @AuthenticationPrincipal Actor actor, Locale locale) {
		return archives.of(actor, PersonId.of(id), locale);
	}
}
