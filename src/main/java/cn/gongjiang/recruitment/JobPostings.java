package cn.gongjiang.recruitment;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.occupation.OccupationCatalogue;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.region.RegionLevel;
import cn.gongjiang.registry.OrganisationRegistry;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.OccupationCode;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.SkillGrade;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.training.DemandSurvey;

/**
 * Job postings (岗位, REC-1): an enterprise posts its own, an officer posts for an enterprise of their region (the
 * source says which), a demand item of the labour-demand list (DEM-2) becomes a posting in one step. A posting is
 * drafted, opened, then filled by its hires or closed by hand or by its date; edits name the version they were made
 * against (409 on a stale one).
 */
@Service
public class JobPostings {

	private final Jobs jobs;
	private final OrganisationRegistry organisations;
	private final RegionDirectory regions;
	private final OccupationCatalogue occupations;
	private final DemandSurvey demand;
	private final AuditLog audit;
	private final Clock clock;

	JobPostings(Jobs jobs, OrganisationRegistry organisations, RegionDirectory regions, OccupationCatalogue occupations,
			DemandSurvey demand, AuditLog audit, Clock clock) {
		this.jobs = jobs;
		this.organisations = organisations;
		this.regions = regions;
		this.occupations = occupations;
		this.demand = demand;
		this.audit = audit;
		this.clock = clock;
	}

	/** Drafts a posting; an enterprise for itself, an officer for an enterprise of their region. */
	@Transactional
	public JobPosting post(Actor actor, JobPosting.Form form) {
		var row = resolve(actor, form, null);
		var id = jobs.insert(row);
		audit.record(actor, "recruitment.job.post", "job:" + id, AuditOutcome.SUCCESS, row.source());
		return jobs.find(id).orElseThrow();
	}

	/** The demand item as a draft posting with its fields filled; the posting keeps the item it came from. */
	@Transactional
	public JobPosting postFromDemand(Actor actor, long demandItemId) {
		var item = demand.find(actor, demandItemId);
		var today = LocalDate.now(clock);
		var closes = item.neededBy().isAfter(today) ? item.neededBy() : today.plusMonths(1);
		var form = new JobPosting.Form(item.enterpriseCode(), occupations.nameOf(item.occupationCode()),
				item.occupationCode(), item.grade(), item.headcount(), item.placeCounty(), item.monthlyWage(), null,
				null, closes, null, false);
		var row = resolve(actor, form, demandItemId);
		long id;
		try {
			id = jobs.insert(row);
		}
		catch (DuplicateKeyException alreadyPosted) {
			throw new ConflictException("recruitment.job.demand-posted", demandItemId);
		}
		audit.record(actor, "recruitment.job.post", "job:" + id, AuditOutcome.SUCCESS, "demand:" + demandItemId);
		return jobs.find(id).orElseThrow();
	}

	@Transactional
	public JobPosting edit(Actor actor, long id, int version, JobPosting.Form form) {
		var job = mine(actor, id);
		if (form == null) {
			throw new InvalidValueException("recruitment.job.posting-required");
		}
		var row = resolve(actor, new JobPosting.Form(job.enterpriseCode(), form.title(), form.occupationCode(),
				form.minGrade(), form.headcount(), form.county(), form.wageMin(), form.wageMax(), form.startsOn(),
				form.closesOn(), form.requirements(), form.graduatesSought()), job.demandItemId());
		if (!jobs.update(id, version, row)) {
			throw new ConflictException("recruitment.job.changed", id);
		}
		audit.record(actor, "recruitment.job.edit", "job:" + id, AuditOutcome.SUCCESS, null);
		return jobs.find(id).orElseThrow();
	}

	/** Publishes a draft: from now on it is matched and takes applications. */
	@Transactional
	public JobPosting open(Actor actor, long id, int version) {
		var job = mine(actor, id);
		if (job.closesOn().isBefore(LocalDate.now(clock))) {
			throw new InvalidValueException("recruitment.job.closes-past", job.closesOn());
		}
		return move(actor, job, version, JobPosting.Status.DRAFT, JobPosting.Status.OPEN, "recruitment.job.open");
	}

	/** Closes an open posting by hand. */
	@Transactional
	public JobPosting close(Actor actor, long id, int version) {
		var job = mine(actor, id);
		return move(actor, job, version, JobPosting.Status.OPEN, JobPosting.Status.CLOSED, "recruitment.job.close");
	}

	/** Every night: postings past their closing date take no more applications. */
	@Scheduled(cron = "${gongjiang.recruitment.close-cron:0 5 0 * * *}", zone = "Asia/Shanghai")
	@Transactional
	public void closeExpired() {
		jobs.closeExpired(LocalDate.now(clock));
	}

	/**
	 * A posting the actor may read: their own (enterprise), their region's (officers, by the enterprise's or the
	 * work place's region), any open one (job seekers, schools, officers of other regions looking for work for
	 * their people).
	 */
	@Transactional(readOnly = true)
	public JobPosting find(Actor actor, long id) {
		var job = jobs.find(id).orElseThrow(() -> new NotFoundException("recruitment.job.not-found", id));
		if (job.open() || mayManage(actor, job)) {
			return job;
		}
		throw new NotFoundException("recruitment.job.not-found", id);
	}

	/** A posting the actor may change: the enterprise's own, or one of an enterprise of the officer's region. */
	JobPosting mine(Actor actor, long id) {
		var job = jobs.find(id).orElseThrow(() -> new NotFoundException("recruitment.job.not-found", id));
		if (!mayManage(actor, job)) {
			throw new NotFoundException("recruitment.job.not-found", id);
		}
		return job;
	}

	boolean mayManage(Actor actor, JobPosting job) {
		if (actor.role() == Role.ENTERPRISE) {
			return job.enterpriseCode().equals(actor.scope().value());
		}
		return actor.regionalOfficer()
				&& (actor.scope().covers(jobs.enterprisePath(job.id())) || actor.scope().covers(jobs.countyPath(job.id())));
	}

	/** The postings a reader looks through: an enterprise its own, an officer their region's, others the open ones. */
	@Transactional(readOnly = true)
	public Page<JobPosting> list(Actor actor, String status, String occupation, String county, PageRequest request) {
		var countyPath = county == null || county.isBlank() ? null
				: regions.pathOf(RegionCode.of(county)).orElseThrow(() -> new NotFoundException("region.not-found", county));
		var occupationPrefix = occupation == null || occupation.isBlank() ? null : occupation.strip();
		Jobs.Filter filter;
		if (actor.role() == Role.ENTERPRISE) {
			filter = new Jobs.Filter(blank(status), occupationPrefix, countyPath, actor.scope().value(), null);
		}
		else if (actor.regionalOfficer()) {
			filter = new Jobs.Filter(blank(status), occupationPrefix, countyPath, null, actor.scope().regionPath());
		}
		else {
			filter = new Jobs.Filter("OPEN", occupationPrefix, countyPath, null, null);
		}
		return jobs.page(filter, request);
	}

	private JobPosting move(Actor actor, JobPosting job, int version, JobPosting.Status from, JobPosting.Status to,
			String action) {
		if (job.status() != from) {
			throw new ConflictException("recruitment.job.wrong-status", job.status().name());
		}
		if (!jobs.move(job.id(), version, from, to)) {
			throw new ConflictException("recruitment.job.changed", job.id());
		}
		audit.record(actor, action, "job:" + job.id(), AuditOutcome.SUCCESS, null);
		return jobs.find(job.id()).orElseThrow();
	}

	/** Checks a form field by field (the first broken rule is thrown, naming it) and places it. */
	Jobs.Row resolve(Actor actor, JobPosting.Form form, Long demandItemId) {
		String source;
		if (actor.role() == Role.ENTERPRISE) {
			if (form.enterpriseCode() != null && !form.enterpriseCode().equals(actor.scope().value())) {
				throw new AccessDeniedException("an enterprise posts its own jobs");
			}
			source = "ENTERPRISE";
		}
		else if (actor.regionalOfficer()) {
			source = "OFFICER";
		}
		else {
			throw new AccessDeniedException("enterprises and officers post jobs");
		}
		var code = actor.role() == Role.ENTERPRISE ? actor.scope().value() : form.enterpriseCode();
		if (code == null || code.isBlank()) {
			throw InvalidValueException.of("enterpriseCode", "recruitment.job.enterprise.required");
		}
		var enterprise = organisations.enterprise(code.strip())
				.orElseThrow(() -> InvalidValueException.of("enterpriseCode", "recruitment.job.enterprise.unknown",
						code));
		var enterprisePath = regions.pathOf(RegionCode.of(enterprise.region())).orElseThrow();
		if (source.equals("OFFICER") && !actor.scope().covers(enterprisePath)) {
			throw new AccessDeniedException("officers post for enterprises of their region");
		}
		var title = form.title() == null || form.title().isBlank() ? null : form.title().strip();
		if (title == null || title.length() > 100) {
			throw InvalidValueException.of("title", "recruitment.job.title.invalid");
		}
		var occupation = BusinessException.about("occupationCode", () -> OccupationCode.of(form.occupationCode()))
				.value();
		if (!occupations.exists(OccupationCode.of(occupation))) {
			throw InvalidValueException.of("occupationCode", "occupation.not-found", occupation);
		}
		var grade = form.minGrade() == null || form.minGrade().isBlank() ? null
				: BusinessException.about("minGrade", () -> SkillGrade.fromCode(form.minGrade()).code());
		if (form.headcount() == null || form.headcount() < 1 || form.headcount() > 10_000) {
			throw InvalidValueException.of("headcount", "recruitment.job.headcount.invalid");
		}
		var countyCode = form.county() == null || form.county().isBlank() ? enterprise.region() : form.county().strip();
		var county = regions.names().get(countyCode);
		if (county == null || county.level() != RegionLevel.COUNTY) {
			throw InvalidValueException.of("county", "recruitment.job.county.invalid", countyCode);
		}
		if (form.wageMin() != null && form.wageMin() <= 0) {
			throw InvalidValueException.of("wageMin", "recruitment.job.wage.invalid");
		}
		if ((form.wageMax() != null && form.wageMax() <= 0)
				|| (form.wageMin() != null && form.wageMax() != null && form.wageMax() < form.wageMin())) {
			throw InvalidValueException.of("wageMax", "recruitment.job.wage.invalid");
		}
		if (form.closesOn() == null) {
			throw InvalidValueException.of("closesOn", "recruitment.job.closes.required");
		}
		if (form.startsOn() != null && form.startsOn().isBefore(LocalDate.now(clock).minusYears(1))) {
			throw InvalidValueException.of("startsOn", "recruitment.job.starts.invalid");
		}
		var requirements = form.requirements() == null || form.requirements().isBlank() ? null : form.requirements().strip();
		if (requirements != null && requirements.length() > 2_000) {
			throw InvalidValueException.of("requirements", "recruitment.job.requirements.too-long");
		}
		return new Jobs.Row(enterprise.creditCode(), enterprise.name(), enterprisePath, title, occupation, grade,
				form.headcount(), county.code(), county.path(), form.wageMin(), form.wageMax(), form.startsOn(),
				form.closesOn(), requirements, form.graduatesSought(), demandItemId, source, actor.username());
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
