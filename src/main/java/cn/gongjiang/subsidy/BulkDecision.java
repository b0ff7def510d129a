package cn.gongjiang.subsidy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.certification.CertificateIssued;
import cn.gongjiang.certification.CertificateRegister;
import cn.gongjiang.shared.IdNumberIndex;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.subsidy.decisions.CertificateDecider;

/**
 * Decides every valid certificate that has no decision yet (SUB-3): those issued before the subsidy engine existed,
 * imported in bulk, or whose event was lost. One reader takes the certificates in id order, a chunk per worker at a
 * time, and hands each worker those of its holders (a person is always decided by one worker, in certificate order;
 * each row is read once, and the next chunk is read while the last is decided). Each chunk is decided by the same
 * gathering and rules as a single certificate and committed on its own; a stop loses at most a chunk's work and a
 * re-run continues (decided certificates are skipped). A chunk is 2,000 certificates: large enough that its dozen
 * statements cost little per certificate, small enough that the chunks in flight stay out of the JVM's old generation
 * (at 5,000 they outlived young collections: 7 s of collection pauses in a 60 s run, and a lower ratio;
 * BENCHMARKS.md, session 17).
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

	/** Decides everything undecided, reporting the certificates decided so far after each chunk. */
	public Run decideAll(LongConsumer progress) {
		var read = new AtomicLong();
		var decided = new AtomicLong();
		var pool = Executors.newFixedThreadPool(workers);
		try {
			var queues = new ArrayList<BlockingQueue<List<CertificateIssued>>>();
			var running = new ArrayList<Future<?>>();
			for (int w = 0; w < workers; w++) {
				var queue = new ArrayBlockingQueue<List<CertificateIssued>>(2);
				queues.add(queue);
				running.add(pool.submit(() -> {
					while (true) {
						var certificatesOfChunk = queue.take();
						if (certificatesOfChunk.isEmpty()) {
							return null; // the reader's end
						}
						decided.addAndGet(decider.decide(certificatesOfChunk));
						progress.accept(read.addAndGet(certificatesOfChunk.size()));
					}
				}));
			}
			long after = 0;
			while (true) {
				var certificatesRead = certificates.validAfter(after, chunk * workers);
				if (certificatesRead.isEmpty()) {
					break;
				}
				var byWorker = new ArrayList<List<CertificateIssued>>();
				for (int w = 0; w < workers; w++) {
					byWorker.add(new ArrayList<>(chunk + chunk / 4));
				}
				certificatesRead.forEach(c -> byWorker.get(workerOf(c.holderIndex())).add(c));
				for (int w = 0; w < workers; w++) {
					if (!byWorker.get(w).isEmpty()) {
						hand(queues.get(w), byWorker.get(w), running);
					}
				}
				after = certificatesRead.get(certificatesRead.size() - 1).certificateId();
			}
			for (var queue : queues) {
				hand(queue, List.of(), running);
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

	/** A person's certificates all go to one worker: the first byte of the keyed index chooses it. */
	private int workerOf(IdNumberIndex holder) {
		return Byte.toUnsignedInt(holder.bytes()[0]) % workers;
	}

	/** Waits for room in a worker's queue; a worker that failed meanwhile stops the run with its failure. */
	private static void hand(BlockingQueue<List<CertificateIssued>> queue, List<CertificateIssued> certificates,
			List<Future<?>> running) throws InterruptedException, ExecutionException {
		while (!queue.offer(certificates, 1, TimeUnit.SECONDS)) {
			for (var worker : running) {
				if (worker.isDone()) {
					worker.get();
				}
			}
		}
	}
}
