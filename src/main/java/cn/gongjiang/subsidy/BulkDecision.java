package cn.gongjiang.subsidy;

import java.util.function.LongConsumer;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.certification.CertificateRegister;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;

/**
 * Decides every valid certificate that has no decision yet (SUB-3): those issued before the subsidy engine existed,
 * imported in bulk, or whose event was lost. Chunks of certificates in id order, each decided by the same gathering
 * and rules as a single certificate and committed on its own, so a stop loses at most a chunk's work and a re-run
 * continues (decided certificates are skipped).
 */
@Service
public class BulkDecision {

	static final int CHUNK = 5_000;

	private final CertificateRegister certificates;
	private final CertificateDecider decider;
	private final AuditLog audit;

	BulkDecision(CertificateRegister certificates, CertificateDecider decider, AuditLog audit) {
		this.certificates = certificates;
		this.decider = decider;
		this.audit = audit;
	}

	/** What a run did. */
	public record Run(long certificatesRead, long decided) {
	}

	/** The province's officers start it; it runs to the end and says how many it decided. */
	public Run decideAll(Actor actor) {
		if (!actor.is(Role.PROVINCE_OFFICER)) {
			audit.record(actor, "subsidy.decide-all", null, AuditOutcome.DENIED, null);
			throw new AccessDeniedException("the province decides in bulk");
		}
		var run = decideAll(read -> {
		});
		audit.record(actor, "subsidy.decide-all", null, AuditOutcome.SUCCESS, run.decided() + " of " + run.certificatesRead());
		return run;
	}

	/** Decides everything undecided, reporting the certificates read so far after each chunk. */
	public Run decideAll(LongConsumer progress) {
		long after = 0, read = 0, decided = 0;
		while (true) {
			var chunk = certificates.validAfter(after, CHUNK);
			if (chunk.isEmpty()) {
				return new Run(read, decided);
			}
			decided += decider.decide(chunk);
			read += chunk.size();
			after = chunk.get(chunk.size() - 1).certificateId();
			progress.accept(read);
		}
	}
}
