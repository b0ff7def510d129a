package cn.gongjiang.subsidy;

import java.util.ArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.certification.CertificateRegister;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.subsidy.decisions.CertificateDecider;

/**
 * Decides every valid certificate that has no decision yet (SUB-3): those issued before the subsidy engine existed,
 * imported in bulk, or whose event was lost. Workers take disjoint sets of holders (a person is always decided by one
 * worker, in certificate order) and chunks of their certificates in id order, each decided by the same gathering and
 * rules as a single certificate and committed on its own; a stop loses at most a chunk's work and a re-run continues
 * (decided certificates are skipped). A chunk is 2,000 certificates: large enough that its dozen statements cost
 * little per certificate, small enough that the chunks in flight stay out of the JVM's old generation (at 5,000 they
 * outlived young collections: 7 s of collection pauses in a 60 s run, and a lower ratio; BENCHMARKS.md, session 17).
 */
@Service
public class BulkDecision {

	private final CertificateRegister certificates;
	private final CertificateDecider decider;
	private final AuditLog audit;
	private final int workers;
	private final int chunk;

	BulkDecision(CertificateRegister certificates, CertificateDecider decider, AuditLog audit,
			@Value("${gongjiang.subsidy.bulk-workers:2}") int workers,
			@Value("${gongjiang.subsidy.bulk-chunk:2000}") int chunk) {
		this.certificates = certificates;
		this.decider = decider;
		this.audit = audit;
		this.workers = Math.max(1, workers);
		this.chunk = Math.max(1, chunk);
	}

	/** What a run did. */
	public record Run(long certificatesRead, long decided) {
	}

	/** The province's officers start it; it runs to the end and says how many it decided. */
	public Run decideAll(Actor actor) {
		if (!actor.is(Role.PROVINCE_OFFICER)) {
			throw actor.refuse("subsidy.decide-all", null, null);
		}
		var run = decideAll(read -> {
		});
		audit.record(actor, "subsidy.decide-all", null, AuditOutcome.SUCCESS, run.decided() + " of " + run.certificatesRead());
		return run;
	}

	/** Decides everything undecided, reporting the certificates read so far after each chunk. */
	public Run decideAll(LongConsumer progress) {
		var read = new AtomicLong();
		var decided = new AtomicLong();
		var pool = Executors.newFixedThreadPool(workers);
		try {
			var running = new ArrayList<Future<?>>();
			for (int w = 0; w < workers; w++) {
				var partition = w;
				running.add(pool.submit(() -> {
					long after = 0;
					while (true) {
						var certificatesOfChunk = certificates.validAfter(after, chunk, workers, partition);
						if (certificatesOfChunk.isEmpty()) {
							return;
						}
						decided.addAndGet(decider.decide(certificatesOfChunk));
						after = certificatesOfChunk.get(certificatesOfChunk.size() - 1).certificateId();
						progress.accept(read.addAndGet(certificatesOfChunk.size()));
					}
				}));
			}
			for (var worker : running) {
				worker.get();
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("bulk decision interrupted", e);
		}
		catch (ExecutionException e) {
			throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
		}
		finally {
			pool.shutdownNow();
		}
		return new Run(read.get(), decided.get());
	}
}
