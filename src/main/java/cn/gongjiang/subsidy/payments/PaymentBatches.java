package cn.gongjiang.subsidy.payments;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.Money;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.subsidy.FundingSource;

/**
 * Payment batches (SUB-3): per paying region and funding source, assembled from the queue of granted decisions not
 * yet paid, approved by a second officer, sent to the bank as a file, settled line by line from the bank's statement.
 * A failed line sends its decision back to the queue with the bank's reason; nothing is ever in two live lines.
 */
@Service
public class PaymentBatches {

	private final JdbcClient jdbc;
	private final PaymentAssembly assembly;
	private final BankFile bankFile;
	private final RegionDirectory regions;
	private final AuditLog audit;

	PaymentBatches(JdbcClient jdbc, PaymentAssembly assembly, BankFile bankFile, RegionDirectory regions,
			AuditLog audit) {
		this.jdbc = jdbc;
		this.assembly = assembly;
		this.bankFile = bankFile;
		this.regions = regions;
		this.audit = audit;
	}

	/** What is due and not in a batch, per paying region and funding source of the officer's region. */
	public record Due(String payingRegion, String regionName, String fundingSource, int decisions, Money total,
			int failedBefore) {
	}

	@Transactional(readOnly = true)
	public List<Due> queue(Actor actor) {
		requireOfficer(actor);
		return jdbc.sql("""
				select paying_region, funding_source, count(*), sum(effective_amount),
				       count(*) filter (where payment_status = 'FAILED')
				from subsidy.decision_in_effect
				where paying_path like :path || '%' and effective_outcome = 'GRANTED'
				  and payment_status in ('UNPAID', 'FAILED') and outcome <> 'REVERSED' and not recovery_due
				group by paying_region, funding_source order by paying_region, funding_source
				""").param("path", actor.scope().regionPath())
				.query((rs, i) -> new Due(rs.getString(1), regionName(rs.getString(1)), rs.getString(2), rs.getInt(3),
						Money.of(rs.getBigDecimal(4)), rs.getInt(5))).list();
	}

	/** Opens a batch for a paying region and source and fills it from the queue; it is then a DRAFT to approve. */
	public PaymentBatch open(Actor actor, String payingRegion, String fundingSource) {
		var path = regions.pathOf(RegionCode.of(payingRegion))
				.orElseThrow(() -> new InvalidValueException("region.unknown", payingRegion));
		if (!actor.regionalOfficer() || !path.startsWith(actor.scope().regionPath())) {
			throw actor.refuse("subsidy.batch.open", payingRegion, null);
		}
		if (fundingSource == null || fundingSource.isBlank()) {
			throw new InvalidValueException("subsidy.batch.source-required");
		}
		var source = FundingSource.ofCode(fundingSource.strip());
		if (source == null) {
			throw new InvalidValueException("subsidy.batch.source-unknown", fundingSource);
		}
		var id = jdbc.sql("""
				insert into subsidy.payment_batch (paying_region, paying_path, funding_source, status, created_by)
				values (:region, :path, :source, 'ASSEMBLING', :user) returning id
				""").param("region", payingRegion).param("path", path).param("source", source.name())
				.param("user", actor.username()).query(Long.class).single();
		if (assembly.assemble(id) == 0) {
			jdbc.sql("delete from subsidy.payment_batch where id = :id").param("id", id).update();
			throw new BusinessException("subsidy.batch.nothing-due", payingRegion, source.name());
		}
		audit.record(actor, "subsidy.batch.open", "batch:" + id, AuditOutcome.SUCCESS, payingRegion + " " + source.name());
		return batch(actor, id);
	}

	/** Batches left half-assembled by a stopped process are finished at start-up. */
	@EventListener(ApplicationReadyEvent.class)
	void resumeAssembling() {
		jdbc.sql("select id from subsidy.payment_batch where status = 'ASSEMBLING' order by id").query(Long.class).list()
				.forEach(assembly::assemble);
	}

	/** A second officer approves: never the one who opened the batch (four eyes). */
	public PaymentBatch approve(Actor actor, long id) {
		return approve(actor, id, null);
	}

	/**
	 * A second officer approves the batch as they saw it ({@code seen}: its version; null for the one stored now):
	 * never the one who opened it (four eyes), and never twice — an approval lost to a racing officer is refused.
	 */
	@Transactional
	public PaymentBatch approve(Actor actor, long id, Integer seen) {
		var batch = batch(actor, id);
		if (batch.status() != BatchStatus.DRAFT) {
			throw new ConflictException("subsidy.batch.not-draft", batch.status().name());
		}
		if (batch.createdBy().equals(actor.username())) {
			audit.record(actor, "subsidy.batch.approve", "batch:" + id, AuditOutcome.DENIED, "four eyes");
			throw new ConflictException("subsidy.batch.second-officer");
		}
		var version = seen == null ? batch.version() : seen;
		int approved = jdbc.sql("""
				update subsidy.payment_batch set status = 'APPROVED', approved_by = :user, approved_at = now(),
				    version = version + 1
				where id = :id and status = 'DRAFT' and version = :seen
				""").param("user", actor.username()).param("id", id).param("seen", version).update();
		if (approved == 0) {
			throw lostRace(actor, "subsidy.batch.approve", id);
		}
		audit.record(actor, "subsidy.batch.approve", "batch:" + id, AuditOutcome.SUCCESS,
				batch.lineCount() + " lines, " + batch.total());
		return batch(actor, id);
	}

	/**
	 * The bank file of an approved batch; the first export sends it (lines SENT). A later export of a sent batch gives
	 * the same lines in the same order, so a lost file can be fetched again without paying anyone twice.
	 */
	public void bankFile(Actor actor, long id, BankFile.Format format, OutputStream out) throws IOException {
		bankFile(actor, id, format, out, null);
	}

	/**
	 * The bank file of the batch as the officer saw it ({@code seen}: its version; null for the one stored now). Only
	 * one officer sends it: a first export lost to a racing one, or made from a page older than the batch, is refused.
	 */
	@Transactional
	public void bankFile(Actor actor, long id, BankFile.Format format, OutputStream out, Integer seen)
			throws IOException {
		var batch = batch(actor, id);
		if (!batch.status().approved()) {
			throw new ConflictException("subsidy.batch.not-approved", batch.status().name());
		}
		if (seen != null && seen != batch.version()) {
			throw lostRace(actor, "subsidy.batch.bank-file", id);
		}
		if (batch.status() == BatchStatus.APPROVED) {
			// the batch first, so that of two officers sending at once the second waits here and is refused
			int sent = jdbc.sql("""
					update subsidy.payment_batch set status = 'SENT', sent_by = :user, sent_at = now(),
					    version = version + 1
					where id = :id and status = 'APPROVED' and version = :seen
					""").param("user", actor.username()).param("id", id).param("seen", batch.version()).update();
			if (sent == 0) {
				throw lostRace(actor, "subsidy.batch.bank-file", id);
			}
			jdbc.sql("update subsidy.payment_line set status = 'SENT' where batch_id = :id and status = 'PENDING'")
					.param("id", id).update();
		}
		var sha = bankFile.write(actor, id, format, out);
		jdbc.sql("update subsidy.payment_batch set file_sha256 = coalesce(file_sha256, :sha) where id = :id")
				.param("sha", sha).param("id", id).update();
		audit.record(actor, "subsidy.batch.bank-file", "batch:" + id, AuditOutcome.SUCCESS,
				format + (batch.status() == BatchStatus.APPROVED ? " sent" : " again") + " sha256=" + sha);
	}

	/** Another officer changed the batch since this one read it: audited as a failure, answered 409. */
	private ConflictException lostRace(Actor actor, String action, long id) {
		var now = jdbc.sql("select status from subsidy.payment_batch where id = :id").param("id", id)
				.query(String.class).single();
		audit.record(actor, action, "batch:" + id, AuditOutcome.FAILURE, "changed meanwhile: " + now);
		return new ConflictException("subsidy.batch.changed");
	}

	public static final Map<String, String> SORTS = Map.of("opened", "b.id", "total", "b.total", "lines",
			"b.line_count", "status", "b.status");

	/** The batches of the officer's region, optionally in one status, a page at a time with the total. */
	@Transactional(readOnly = true)
	public Page<PaymentBatch> list(Actor actor, String status, PageRequest request) {
		requireOfficer(actor);
		var where = " where b.paying_path like :path || '%' and (cast(:status as text) is null or b.status = :status)";
		var state = status == null || status.isBlank() ? null : status.strip();
		var total = jdbc.sql("select count(*) from subsidy.payment_batch b" + where)
				.param("path", actor.scope().regionPath()).param("status", state).query(Long.class).single();
		var items = jdbc.sql(SELECT + where + " order by " + request.orderBy(SORTS, "b.id")
				+ " limit :limit offset :offset").param("path", actor.scope().regionPath()).param("status", state)
				.param("limit", request.size()).param("offset", request.offset()).query((rs, i) -> map(rs)).list();
		return Page.of(items, total, request);
	}

	/** Draft batches of the officer's region a second officer may approve: not those they opened themselves. */
	@Transactional(readOnly = true)
	public long awaitingApproval(Actor actor) {
		if (!actor.regionalOfficer()) {
			return 0;
		}
		return jdbc.sql("""
				select count(*) from subsidy.payment_batch
				where paying_path like :path || '%' and status = 'DRAFT' and created_by <> :user
				""").param("path", actor.scope().regionPath()).param("user", actor.username()).query(Long.class)
				.single();
	}

	@Transactional(readOnly = true)
	public PaymentBatch batch(Actor actor, long id) {
		requireOfficer(actor);
		return jdbc.sql(SELECT + " where b.id = :id and b.paying_path like :path || '%'").param("id", id)
				.param("path", actor.scope().regionPath()).query((rs, i) -> map(rs)).optional()
				.orElseThrow(() -> new NotFoundException("subsidy.batch.not-found"));
	}

	/** A batch's first lines, in line order (the API: up to 10,000 at once). */
	@Transactional(readOnly = true)
	public List<PaymentLine> lines(Actor actor, long id, int limit) {
		batch(actor, id);
		return lines(id, limit, 0);
	}

	/** A batch's lines in line order, a page at a time. */
	@Transactional(readOnly = true)
	public Page<PaymentLine> lines(Actor actor, long id, PageRequest request) {
		var batch = batch(actor, id);
		return Page.of(lines(id, request.size(), request.offset()), batch.lineCount(), request);
	}

	private List<PaymentLine> lines(long id, int limit, int offset) {
		return jdbc.sql("""
				select l.id, l.decision_id, d.scheme, d.beneficiary_masked, l.amount, l.status, l.failure_reason,
				       l.bank_reference
				from subsidy.payment_line l join subsidy.decision d on d.id = l.decision_id
				where l.batch_id = :id order by l.id limit :limit offset :offset
				""").param("id", id).param("limit", limit).param("offset", offset)
				.query((rs, i) -> new PaymentLine(rs.getLong(1), PaymentLine.reference(id, rs.getLong(1)),
						rs.getLong(2), rs.getString(3), rs.getString(4), Money.of(rs.getBigDecimal(5)),
						PaymentStatus.valueOf(rs.getString(6)),
						rs.getString(7), rs.getString(8))).list();
	}

	/** Recomputes a batch's count and total from its lines. */
	public static void recount(JdbcClient jdbc, long batchId) {
		jdbc.sql("""
				update subsidy.payment_batch b set line_count = s.n, total = s.total
				from (select count(*) as n, coalesce(sum(amount), 0) as total from subsidy.payment_line
				      where batch_id = :id) s
				where b.id = :id
				""").param("id", batchId).update();
	}

	private static final String SELECT = """
			select b.*,
			       (select count(*) from subsidy.payment_line l where l.batch_id = b.id and l.status = 'PAID') as paid,
			       (select count(*) from subsidy.payment_line l where l.batch_id = b.id and l.status = 'FAILED') as failed,
			       (select count(*) from subsidy.payment_line l where l.batch_id = b.id and l.status in ('PENDING', 'SENT')) as open
			from subsidy.payment_batch b""";

	private static PaymentBatch map(ResultSet rs) throws SQLException {
		return new PaymentBatch(rs.getLong("id"), rs.getString("paying_region"), rs.getString("funding_source"),
				BatchStatus.valueOf(rs.getString("status")), rs.getInt("line_count"), Money.of(rs.getBigDecimal("total")),
				rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("approved_by"), instant(rs, "approved_at"),
				rs.getString("sent_by"), instant(rs, "sent_at"), rs.getInt("paid"), rs.getInt("failed"), rs.getInt("open"),
				rs.getInt("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		var t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private String regionName(String code) {
		return code == null ? null : regions.lookup(RegionCode.of(code)).map(r -> r.name()).orElse(code);
	}

	private static void requireOfficer(Actor actor) {
		actor.requireRegionalOfficer();
	}
}
