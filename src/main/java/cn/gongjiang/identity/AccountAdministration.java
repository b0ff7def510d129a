package cn.gongjiang.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.audit.AuditLog;
import cn.gongjiang.audit.AuditOutcome;
import cn.gongjiang.privacy.PersonalDataCipher;
import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.shared.ConflictException;
import cn.gongjiang.shared.CreditCode;
import cn.gongjiang.shared.IdNumber;
import cn.gongjiang.shared.IdNumberIndex;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.RegionPath;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;

/**
 * The security administrator's work (安全管理员): opening accounts with a role and scope, unlocking, disabling,
 * resetting passwords and second factors. Nobody else may do it, nobody may do it to their own account, and every
 * action is audited.
 */
@Service
public class AccountAdministration {

	private final Accounts accounts;
	private final PasswordEncoder passwords;
	private final RegionDirectory regions;
	private final ApiTokens tokens;
	private final AuditLog audit;
	private final Clock clock;
	private final PersonalDataCipher cipher;
	private final ScopeNames scopeNames;

	AccountAdministration(Accounts accounts, PasswordEncoder passwords, RegionDirectory regions, ApiTokens tokens,
			AuditLog audit, Clock clock, PersonalDataCipher cipher, ScopeNames scopeNames) {
		this.scopeNames = scopeNames;
		this.cipher = cipher;
		this.accounts = accounts;
		this.passwords = passwords;
		this.regions = regions;
		this.tokens = tokens;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<AccountSummary> list(Actor admin) {
		requireSecurityAdmin(admin, "account.list", null);
		var now = clock.instant();
		return accounts.all().stream().map(a -> summary(a, now)).toList();
	}

	/** The sort keys of the account list (username, name, role, lastLogin), for {@link PageRequest#of}. */
	public static final Map<String, String> SORTS = Accounts.SORTS;

	/** One page of the accounts matching a filter, each with its scope named. */
	@Transactional(readOnly = true)
	public Page<AccountSummary> list(Actor admin, AccountQuery query, PageRequest request) {
		requireSecurityAdmin(admin, "account.list", null);
		var now = clock.instant();
		return accounts.page(query, request, now).map(a -> summary(a, now));
	}

	/** The departments a department officer may be bound to, in the order the document lists them. */
	public List<String> departments() {
		return DEPARTMENTS;
	}

	private AccountSummary summary(Account a, Instant now) {
		return new AccountSummary(a.id(), a.username(), a.displayName(), a.role(), a.scope(),
				scopeNames.of(a.role(), a.scope()), a.enabled(), a.lockedAt(now), a.totpEnrolled(), a.lastLoginAt(),
				a.mayUnmask(), a.mustChangePassword(), a.version());
	}

	@Transactional
	public long open(Actor admin, NewAccount request) {
		requireSecurityAdmin(admin, "account.create", request.username());
		var username = request.username() == null ? "" : request.username().strip().toLowerCase();
		if (!username.matches("[a-z0-9][a-z0-9._-]{2,63}")) {
			throw new InvalidValueException("account.username.format");
		}
		if (request.displayName() == null || request.displayName().isBlank()) {
			throw new InvalidValueException("account.display-name.required");
		}
		if (request.role() == null) {
			throw new InvalidValueException("account.role.required");
		}
		if (accounts.byUsername(username).isPresent()) {
			throw new ConflictException("account.username.taken", username);
		}
		PasswordPolicy.check(request.initialPassword(), username, request.role());
		var scope = scopeFor(request.role(), request.scope());
		var id = accounts.insert(username, request.displayName().strip(), passwords.encode(request.initialPassword()),
				request.role(), scope, false, request.mayUnmask(), true);
		audit.record(admin, "account.create", username, AuditOutcome.SUCCESS,
				request.role() + " " + scope + (request.mayUnmask() ? " may-unmask" : ""));
		return id;
	}

	@Transactional(readOnly = true)
	public AccountSummary account(Actor admin, long accountId) {
		requireSecurityAdmin(admin, "account.list", null);
		return accounts.byId(accountId).map(a -> summary(a, clock.instant()))
				.orElseThrow(() -> new NotFoundException("account.not-found"));
	}

	/**
	 * A new role, scope or unmask permission takes effect at the next sign-in; the account's tokens are revoked. No
	 * scope given keeps the current one where the role's kind of scope is unchanged (a worker's ID number is not kept
	 * to be shown again).
	 */
	@Transactional
	public void changeRole(Actor admin, long accountId, Role role, String rawScope, boolean mayUnmask, int version) {
		if (role == null) {
			throw new InvalidValueException("account.role.required");
		}
		var current = accounts.byId(accountId).orElseThrow(() -> new NotFoundException("account.not-found"));
		var keep = (rawScope == null || rawScope.isBlank()) && role.scopeKind() == current.scope().kind()
				&& role.scopeKind() != Role.ScopeKind.NONE;
		var scope = keep ? current.scope() : scopeFor(role, rawScope);
		change(admin, "account.role.change", accountId, a -> {
			var changed = accounts.changeRole(a.id(), role, scope, mayUnmask, version);
			if (changed) {
				tokens.revokeAll(a.id());
			}
			return changed;
		});
	}

	@Transactional
	public void unlock(Actor admin, long accountId, int version) {
		change(admin, "account.unlock", accountId, a -> accounts.unlock(a.id(), version));
	}

	@Transactional
	public void setEnabled(Actor admin, long accountId, boolean enabled, int version) {
		change(admin, enabled ? "account.enable" : "account.disable", accountId, a -> {
			var changed = accounts.setEnabled(a.id(), enabled, version);
			if (changed && !enabled) {
				tokens.revokeAll(a.id());
			}
			return changed;
		});
	}

	@Transactional
	public void resetSecondFactor(Actor admin, long accountId, int version) {
		change(admin, "account.totp.reset", accountId, a -> accounts.resetTotp(a.id(), version));
	}

	@Transactional
	public void resetPassword(Actor admin, long accountId, String newPassword, int version) {
		change(admin, "account.password.reset", accountId, a -> {
			PasswordPolicy.check(newPassword, a.username(), a.role());
			var changed = accounts.resetPassword(a.id(), passwords.encode(newPassword), version);
			if (changed) {
				tokens.revokeAll(a.id());
			}
			return changed;
		});
	}

	private void change(Actor admin, String action, long accountId, Predicate<Account> change) {
		var account = accounts.byId(accountId).orElseThrow(() -> new NotFoundException("account.not-found"));
		requireSecurityAdmin(admin, action, account.username());
		if (account.id() == admin.accountId()) {
			throw admin.refuse(action, account.username(), "own account");
		}
		if (!change.test(account)) {
			throw new ConflictException("account.changed", account.username());
		}
		audit.record(admin, action, account.username(), AuditOutcome.SUCCESS, null);
	}

	/** Region-bound roles must be bound to a region of their level: province, a city, a county. */
	DataScope scopeFor(Role role, String rawScope) {
		var scope = rawScope == null ? "" : rawScope.strip();
		switch (role.scopeKind()) {
			case NONE:
				return DataScope.NONE;
			case REGION: {
				if (scope.isEmpty() && role == Role.PROVINCE_OFFICER) {
					scope = RegionCode.ZHEJIANG.value();
				}
				if (scope.isEmpty()) {
					throw new InvalidValueException("account.scope.required");
				}
				var code = RegionCode.of(scope);
				var given = scope;
				var path = regions.pathOf(code)
						.orElseThrow(() -> new InvalidValueException("account.scope.region-unknown", given));
				var depth = RegionPath.of(path).depth();
				var expected = role == Role.PROVINCE_OFFICER ? RegionPath.PROVINCE
						: role == Role.CITY_OFFICER ? RegionPath.CITY : RegionPath.COUNTY;
				if (depth != expected) {
					throw new InvalidValueException("account.scope.region-level", regions.placeOf(given));
				}
				return DataScope.region(code, path);
			}
			case DEPARTMENT:
				if (scope.isEmpty()) {
					throw new InvalidValueException("account.scope.department-required");
				}
				if (!DEPARTMENTS.contains(scope)) {
					throw new InvalidValueException("account.scope.department-unknown", scope);
				}
				return DataScope.department(scope);
			case ORGANISATION:
				if (scope.isEmpty()) {
					throw new InvalidValueException("account.scope.organisation-required");
				}
				return DataScope.organisation(CreditCode.parse(scope).value());
			case PERSON:
				if (scope.isEmpty()) {
					throw new InvalidValueException("account.scope.id-number-required");
				}
				// a worker's account is bound to their ID number, kept only as its keyed index
				return DataScope.person(cipher.index(IdNumber.parse(scope)));
			default:
				throw new IllegalStateException();
		}
	}

	/**
	 * The provincial departments responsible for task lines of 001 附件1, by the names the document uses (the
	 * targets module matches a department scope against them).
	 */
	static final List<String> DEPARTMENTS = List.of("省人力社保厅", "省经信厅", "省教育厅", "省财政厅", "省科技厅",
			"省建设厅", "省交通运输厅", "省交通厅", "省邮政管理局", "省应急管理厅", "省民政厅", "省商务厅", "省卫生健康委",
			"省医保局", "省文化广电和旅游厅", "省自然资源厅", "省市场监管局", "省生态环境厅", "省退役军人事务厅", "省残联",
			"省妇联", "省总工会", "团省委", "省农业农村厅", "省委组织部", "省工商联", "省国资委", "浙江金融监管局",
			"省海洋经济厅");

	private void requireSecurityAdmin(Actor actor, String action, String target) {
		if (!actor.is(Role.SECURITY_ADMIN)) {
			throw actor.refuse(action, target, null);
		}
	}
}
