package cn.gongjiang.archive.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.gongjiang.archive.PersonArchive;
import cn.gongjiang.registry.PersonRegistry;
import cn.gongjiang.shared.PersonId;
import cn.gongjiang.shared.security.Actor;

/**
 * A person's page (REG-4): their record and their lifelong archive as a timeline of sentences. The template is the
 * registry's person page, whose pension and full-number forms post to the registry.
 */
@Controller
class ArchivePageController {

	private final PersonArchive archives;
	private final PersonRegistry persons;

	private final Clock clock;

	ArchivePageController(PersonArchive archives, PersonRegistry persons, Clock clock) {
		this.archives = archives;
		this.persons = persons;
		this.clock = clock;
	}

	@GetMapping("/persons/{id}")
	String person(@PathVariable long id, @AuthenticationPrincipal Actor actor, Locale locale, Model model) {
		model.addAttribute("archive", archives.of(actor, PersonId.of(id), locale));
		model.addAttribute("mayUnmask", actor.mayUnmask());
		model.addAttribute("mayRecordPension", actor.regionalOfficer());
		model.addAttribute("today", LocalDate.now(clock));
		return "registry/person";
	}

	/** A worker's own archive. */
	@GetMapping("/me")
	String me(@AuthenticationPrincipal Actor actor) {
		return "redirect:/persons/" + persons.self(actor).id();
	}
}
