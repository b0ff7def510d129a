package cn.gongjiang.subsidy.claims;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.security.Actor;

/**
 * The files a claim carries as evidence (SUB-4, issue 16): a signed agreement, a contract, a scan of a certificate.
 * Attached by the claimant with the claim (or later, until it is reviewed), at most {@link #MAX_FILES} of at most
 * {@link #MAX_BYTES} each, of a type told by the content's first bytes (PDF, JPEG, PNG), never by the name a browser
 * sends; kept with their SHA-256; listed and handed out to whoever may read the claim: the claimant and the officers
 * of its region. Anyone else is told the claim does not exist.
 */
@Service
public class ClaimDocuments {

	public static final int MAX_FILES = 5;
	public static final int MAX_BYTES = 10 * 1024 * 1024;

	/** A file as uploaded: the name the sender gave it and its bytes (at most one more than the limit read). */
	public record Upload(String fileName, byte[] content) {
	}

	/** A kept file, without its bytes. */
	public record Document(long id, long claimId, String fileName, String mediaType, long size, String sha256,
			String uploadedBy, Instant uploadedAt) {
	}

	/** A kept file with its bytes, to hand out. */
	public record Content(Document document, byte[] bytes) {
	}

	private final JdbcClient jdbc;
	private final Claims claims;
	private final AuditLog audit;

	ClaimDocuments(JdbcClient jdbc, Claims claims, AuditLog audit) {
		this.jdbc = jdbc;
		this.claims = claims;
		this.audit = audit;
	}

	/**
	 * Submits a claim with its files in one step: the files are checked first, so a file refused leaves no claim, and
	 * a claim its rules refuse keeps no file.
	 */
	@Transactional
	public Claim submit(Actor actor, Claims.Submission submission, List<Upload> files) {
		var checked = files == null ? List.<Upload>of() : files.stream().filter(f -> f.content().length > 0).toList();
		checkAll(checked, 0);
		var claim = claims.submit(actor, submission);
		store(actor, claim.id(), checked);
		return claim;
	}

	/** Adds files to the claimant's own claim while it waits for review; what the reviewer reads does not change after. */
	@Transactional
	public List<Document> attach(Actor actor, long claimId, List<Upload> files) {
		var claim = claims.claim(actor, claimId);
		if (actor.role().officer() || !actor.scope().value().equals(claim.claimantCode())) {
			throw actor.refuse("subsidy.claim.document.attach", "claim:" + claimId, null);
		}
		if (claim.status() != ClaimStatus.SUBMITTED) {
			throw new ConflictException("subsidy.document.claim-reviewed");
		}
		if (files == null || files.isEmpty()) {
			throw new InvalidValueException("subsidy.document.none");
		}
		// the claim row is locked so that two uploads at once cannot together pass the count
		jdbc.sql("select id from subsidy.claim where id = :id for no key update").param("id", claimId).query(Long.class)
				.single();
		checkAll(files, count(claimId));
		store(actor, claimId, files);
		return documents(actor, claimId);
	}

	/** The claim's files, oldest first; the claim out of the reader's scope is not found. */
	@Transactional(readOnly = true)
	public List<Document> documents(Actor actor, long claimId) {
		claims.claim(actor, claimId);
		return jdbc.sql("""
				select id, claim_id, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at
				from subsidy.claim_document where claim_id = :claim order by id
				""").param("claim", claimId).query((rs, i) -> document(rs)).list();
	}

	/** One file with its bytes, the reading audited; out of scope, or of another claim, not found. */
	@Transactional(readOnly = true)
	public Content open(Actor actor, long claimId, long documentId) {
		try {
			claims.claim(actor, claimId);
		}
		catch (NotFoundException e) {
			audit.record(actor, "subsidy.claim.document.download", "claim:" + claimId, AuditOutcome.DENIED,
					"document " + documentId);
			throw e;
		}
		var found = jdbc.sql("""
				select id, claim_id, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at, content
				from subsidy.claim_document where id = :id and claim_id = :claim
				""").param("id", documentId).param("claim", claimId)
				.query((rs, i) -> new Content(document(rs), rs.getBytes("content"))).optional()
				.orElseThrow(() -> new NotFoundException("subsidy.document.not-found"));
		audit.record(actor, "subsidy.claim.document.download", "claim:" + claimId, AuditOutcome.SUCCESS,
				found.document().fileName() + " " + found.document().sha256());
		return found;
	}

	private long count(long claimId) {
		return jdbc.sql("select count(*) from subsidy.claim_document where claim_id = :claim").param("claim", claimId)
				.query(Long.class).single();
	}

	private static void checkAll(List<Upload> files, long kept) {
		if (kept + files.size() > MAX_FILES) {
			throw new InvalidValueException("subsidy.document.too-many", MAX_FILES);
		}
		files.forEach(ClaimDocuments::check);
	}

	/** The size and the type by the content's own signature; the name only for the messages. */
	static String check(Upload file) {
		var name = name(file.fileName());
		if (file.content().length == 0) {
			throw new InvalidValueException("subsidy.document.empty", name);
		}
		if (file.content().length > MAX_BYTES) {
			throw new InvalidValueException("subsidy.document.too-large", name, MAX_BYTES / (1024 * 1024));
		}
		var type = mediaType(file.content());
		if (type == null) {
			throw new InvalidValueException("subsidy.document.wrong-type", name);
		}
		return type;
	}

	private static final byte[] PDF = { '%', 'P', 'D', 'F', '-' };
	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };
	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	/** What the first bytes say the file is: a PDF, a JPEG or a PNG; anything else (an executable, a zip) null. */
	static String mediaType(byte[] content) {
		if (starts(content, PDF)) {
			return "application/pdf";
		}
		if (starts(content, JPEG)) {
			return "image/jpeg";
		}
		return starts(content, PNG) ? "image/png" : null;
	}

	private static boolean starts(byte[] content, byte[] signature) {
		return content.length >= signature.length
				&& Arrays.equals(content, 0, signature.length, signature, 0, signature.length);
	}

	/**
	 * The name as the person gave it, without a folder some browsers send along, control characters or more than
	 * 255 characters: it is shown and handed back in Content-Disposition, never used as a path.
	 */
	static String name(String given) {
		var name = given == null ? "" : given.replaceAll("^.*[/\\\\]", "").replaceAll("\\p{Cntrl}", "").strip();
		if (name.isEmpty()) {
			name = "evidence";
		}
		return name.length() > 255 ? name.substring(name.length() - 255) : name;
	}

	private void store(Actor actor, long claimId, List<Upload> files) {
		for (var file : files) {
			var type = check(file);
			var sha256 = sha256(file.content());
			var name = name(file.fileName());
			jdbc.sql("""
					insert into subsidy.claim_document (claim_id, file_name, media_type, size_bytes, sha256, content,
					    uploaded_by)
					values (:claim, :name, :type, :size, :sha, :content, :user)
					""").param("claim", claimId).param("name", name).param("type", type)
					.param("size", file.content().length).param("sha", sha256).param("content", file.content())
					.param("user", actor.username()).update();
			audit.record(actor, "subsidy.claim.document.attach", "claim:" + claimId, AuditOutcome.SUCCESS,
					name + " " + sha256);
		}
	}

	public static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Document document(ResultSet rs) throws SQLException {
		return new Document(rs.getLong("id"), rs.getLong("claim_id"), rs.getString("file_name"),
				rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
				rs.getTimestamp("uploaded_at").toInstant());
	}
}
