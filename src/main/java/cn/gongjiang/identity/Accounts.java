package cn.gongjiang.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.gongjiang.privacy.PersonalDataCipher;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;

@Repository
class Accounts {

	private final JdbcClient jdbc;
	private final PersonalDataCipher cipher;

	Accounts(JdbcClient jdbc, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	Optional<Account> byUsername(String username) {
		return jdbc.sql("select * from identity.account where username = :username")
				.param("username", username)
				.query(this::map)
				.optional();
	}

	Optional<Account> byId(long id) {
		return jdbc.sql("select * from identity.account where id = :id").param("id", id).query(this::map).optional();
	}

	List<Account> all() {
		return jdbc.sql("select * from identity.account order by role, username").query(this::map).list();
	}

	/** Sort keys of the account list and the expressions they order by. */
	static final Map<String, String> SORTS = Map.of("username", "username", "name", "display_name", "role", "role",
			"lastLogin", "last_login_at");

	/** The accounts matching a filter, one page; a province has thousands of accounts, so they are counted. */
	Page<Account> page(AccountQuery query, PageRequest request, Instant now) {
		var where = """
				from identity.account
				where (cast(:text as text) is null or username ilike '%' || :text || '%'
				       or display_name ilike '%' || :text || '%')
				  and (cast(:role as text) is null or role = :role)
				  and (cast(:status as text) is null
				       or (:status = 'ENABLED' and enabled and (locked_until is null or locked_until <= :now))
				       or (:status = 'DISABLED' and not enabled)
				       or (:status = 'LOCKED' and locked_until > :now)
				       or (:status = 'NO_SECOND_FACTOR' and totp_secret_sealed is null
				           and role not in ('ENTERPRISE', 'TRAINING_PROVIDER', 'TECHNICAL_SCHOOL', 'WORKER'))
				       or (:status = 'MUST_CHANGE_PASSWORD' and must_change_password))
				""";
		var text = query.text() == null ? null
				: query.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		var role = query.role() == null ? null : query.role().name();
		var status = query.status() == null ? null : query.status().name();
		var at = Timestamp.from(now);
		var total = jdbc.sql("select count(*) " + where).param("text", text).param("role", role)
				.param("status", status).param("now", at).query(Long.class).single();
		var items = jdbc.sql("select * " + where + " order by " + request.orderBy(SORTS, "id")
				+ " limit :size offset :offset").param("text", text).param("role", role).param("status", status)
				.param("now", at).param("size", request.size()).param("offset", request.offset())
				.query(this::map).list();
		return Page.of(items, total, request);
	}

	boolean isEmpty() {
		return jdbc.sql("select not exists (select 1 from identity.account)").query(Boolean.class).single();
	}

	long insert(String username, String displayName, String passwordHash, Role role, DataScope scope,
			boolean totpExempt, boolean mayUnmask, boolean mustChangePassword) {
		return jdbc.sql("""
				insert into identity.account (username, display_name, password_hash, role, scope_kind, scope_value,
				                              scope_path, totp_exempt, may_unmask, must_change_password)
				values (:username, :displayName, :hash, :role, :scopeKind, :scopeValue, :scopePath, :exempt, :unmask,
				        :mustChange)
				returning id
				""")
				.param("unmask", mayUnmask)
				.param("mustChange", mustChangePassword)
				.param("username", username)
				.param("displayName", displayName)
				.param("hash", passwordHash)
				.param("role", role.name())
				.param("scopeKind", scope.kind().name())
				.param("scopeValue", scope.value())
				.param("scopePath", scope.regionPath())
				.param("exempt", totpExempt)
				.query(Long.class)
				.single();
	}

	/** Counts a failure; locks at the fifth. One statement, so concurrent guesses cannot slip past the count. */
	void recordFailure(long id, Instant now) {
		jdbc.sql("""
				update identity.account
				set failed_attempts = failed_attempts + 1,
				    locked_until = case when failed_attempts + 1 >= :max then :lockedUntil else locked_until end
				where id = :id
				""")
				.param("max", Account.MAX_FAILED_ATTEMPTS)
				.param("lockedUntil", Timestamp.from(now.plus(Account.LOCKOUT)))
				.param("id", id)
				.update();
	}

	void recordSuccess(long id, Instant now) {
		jdbc.sql("""
				update identity.account set failed_attempts = 0, locked_until = null, last_login_at = :now where id = :id
				""").param("now", Timestamp.from(now)).param("id", id).update();
	}

	/** Accepts a TOTP step only if it is later than the last accepted one. */
	boolean acceptTotpStep(long id, long step) {
		return jdbc.sql("""
				update identity.account set totp_last_step = :step
				where id = :id and (totp_last_step is null or totp_last_step < :step)
				""").param("step", step).param("id", id).update() == 1;
	}

	void enrolTotp(long id, String secret, long step) {
		jdbc.sql("""
				update identity.account set totp_secret_sealed = :secret, totp_last_step = :step, updated_at = now(),
				       version = version + 1
				where id = :id and totp_secret_sealed is null
				""").param("secret", cipher.seal(secret)).param("step", step).param("id", id).update();
	}

	boolean resetTotp(long id, int version) {
		return versioned("totp_secret_sealed = null, totp_last_step = null", id, version).update() == 1;
	}

	boolean changeRole(long id, Role role, DataScope scope, boolean mayUnmask, int version) {
		return versioned("role = :role, scope_kind = :scopeKind, scope_value = :scopeValue, scope_path = :scopePath, "
				+ "may_unmask = :unmask", id, version)
				.param("role", role.name()).param("scopeKind", scope.kind().name()).param("scopeValue", scope.value())
				.param("scopePath", scope.regionPath()).param("unmask", mayUnmask)
				.update() == 1;
	}

	boolean unlock(long id, int version) {
		return versioned("failed_attempts = 0, locked_until = null", id, version).update() == 1;
	}

	boolean setEnabled(long id, boolean enabled, int version) {
		return versioned("enabled = :enabled", id, version).param("enabled", enabled).update() == 1;
	}

	/** A password set for someone else (a reset): they must change it at the next sign-in. */
	boolean resetPassword(long id, String hash, int version) {
		return versioned("password_hash = :hash, password_changed_at = now(), failed_attempts = 0, locked_until = null, "
				+ "must_change_password = true", id, version).param("hash", hash).update() == 1;
	}

	/** The owner's own new password. */
	void changeOwnPassword(long id, String hash) {
		jdbc.sql("""
				update identity.account set password_hash = :hash, password_changed_at = now(),
				    must_change_password = false, updated_at = now(), version = version + 1
				where id = :id
				""").param("hash", hash).param("id", id).update();
	}

	private String totpSecret(ResultSet rs) throws SQLException {
		var sealed = rs.getBytes("totp_secret_sealed");
		return sealed == null ? null : cipher.open(sealed);
	}

	private JdbcClient.StatementSpec versioned(String assignments, long id, int version) {
		return jdbc.sql("update identity.account set " + assignments
				+ ", updated_at = now(), version = version + 1 where id = :id and version = :version")
				.param("id", id)
				.param("version", version);
	}

	private Account map(ResultSet rs, int row) throws SQLException {
		var kind = Role.ScopeKind.valueOf(rs.getString("scope_kind"));
		var scope = kind == Role.ScopeKind.NONE ? DataScope.NONE
				: new DataScope(kind, rs.getString("scope_value"), rs.getString("scope_path"));
		var locked = rs.getTimestamp("locked_until");
		var lastLogin = rs.getTimestamp("last_login_at");
		return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("password_hash"), Role.valueOf(rs.getString("role")), scope, totpSecret(rs),
				(Long) rs.getObject("totp_last_step"), rs.getBoolean("totp_exempt"), rs.getInt("failed_attempts"),
				locked == null ? null : locked.toInstant(), rs.getBoolean("enabled"),
				lastLogin == null ? null : lastLogin.toInstant(), rs.getBoolean("may_unmask"),
				rs.getBoolean("must_change_password"), rs.getInt("version"));
	}
}
