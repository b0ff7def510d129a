package cn.gongjiang.identity;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.shared.DemoMode;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;

/**
 * The accounts a new installation starts with. Demo mode: the eleven demo accounts, exempt from the second factor.
 * Production: the three administrators from {@code GONGJIANG_ADMIN_PASSWORD} on an empty database, each enrolling a
 * TOTP at first sign-in; and a refusal to start while any demo account still opens with the demo password.
 */
@Component
@Order(0)
public class AccountBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

	record DemoAccount(String username, String displayName, Role role, String scope) {
	}

	/** The demo worker's (synthetic) ID number; the demo data set registers the person behind it. */
	public static final String DEMO_WORKER_ID_NUMBER = "330602199003071238";

	static final List<DemoAccount> DEMO = List.of(
			new DemoAccount("sysadmin", "系统管理员", Role.SYSTEM_ADMIN, null),
			new DemoAccount("secadmin", "安全管理员", Role.SECURITY_ADMIN, null),
			new DemoAccount("auditor", "审计管理员", Role.AUDITOR, null),
			new DemoAccount("province", "省人力社保厅 职业能力建设处", Role.PROVINCE_OFFICER, "330000"),
			new DemoAccount("hangzhou", "杭州市人力社保局", Role.CITY_OFFICER, "330100"),
			new DemoAccount("shaoxing", "绍兴市人力社保局", Role.CITY_OFFICER, "330600"),
			new DemoAccount("keqiao", "柯桥区人力社保局", Role.COUNTY_OFFICER, "330603"),
			new DemoAccount("economy-dept", "省经信厅", Role.DEPARTMENT_OFFICER, "省经信厅"),
			new DemoAccount("enterprise-demo", "绍兴示范机械有限公司", Role.ENTERPRISE, "91330603MA2D12345A"),
			new DemoAccount("provider-demo", "绍兴市示范职业技能培训学校", Role.TRAINING_PROVIDER, "52330600MJ9876543F"),
			new DemoAccount("school-demo", "绍兴市示范技师学院", Role.TECHNICAL_SCHOOL, "12330600MB12345675"),
			new DemoAccount("worker-demo", "张明", Role.WORKER, DEMO_WORKER_ID_NUMBER));

	private final Accounts accounts;
	private final AccountAdministration administration;
	private final PasswordEncoder passwords;
	private final DemoMode demo;
	private final Environment environment;

	AccountBootstrap(Accounts accounts, AccountAdministration administration, PasswordEncoder passwords, DemoMode demo,
			Environment environment) {
		this.accounts = accounts;
		this.administration = administration;
		this.passwords = passwords;
		this.demo = demo;
		this.environment = environment;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (demo.enabled()) {
			createDemoAccounts();
		}
		else {
			refuseDemoPasswords();
			createAdministrators();
		}
	}

	private void createDemoAccounts() {
		PasswordPolicy.check(demo.password(), null, Role.SYSTEM_ADMIN);
		var hash = passwords.encode(demo.password());
		for (var account : DEMO) {
			if (accounts.byUsername(account.username()).isEmpty()) {
				accounts.insert(account.username(), account.displayName(), hash, account.role(),
						administration.scopeFor(account.role(), account.scope()), true,
						account.role() == Role.PROVINCE_OFFICER, false);
			}
		}
		log.info("Demo mode: {} demo accounts, password from GONGJIANG_DEMO_PASSWORD{}", DEMO.size(),
				DemoMode.DEFAULT_PASSWORD.equals(demo.password()) ? " (the documented default)" : "");
	}

	private void refuseDemoPasswords() {
		for (var account : DEMO) {
			accounts.byUsername(account.username())
					.filter(a -> a.enabled() && (passwords.matches(DemoMode.DEFAULT_PASSWORD, a.passwordHash())
							|| passwords.matches(demo.password(), a.passwordHash())))
					.ifPresent(a -> {
						throw new IllegalStateException("Account '" + a.username() + "' still has the demo password: "
								+ "disable it or change its password before running in production");
					});
		}
	}

	private void createAdministrators() {
		if (!accounts.isEmpty()) {
			return;
		}
		var password = environment.getProperty("gongjiang.admin.password");
		if (password == null || password.isBlank()) {
			log.warn("No accounts yet: set GONGJIANG_ADMIN_PASSWORD to create sysadmin, secadmin and auditor");
			return;
		}
		if (password.equals(DemoMode.DEFAULT_PASSWORD)) {
			throw new IllegalStateException("GONGJIANG_ADMIN_PASSWORD must not be the demo password");
		}
		for (var account : DEMO.subList(0, 3)) {
			PasswordPolicy.check(password, account.username(), account.role());
			accounts.insert(account.username(), account.displayName(), passwords.encode(password), account.role(),
					DataScope.NONE, false, false, true);
		}
		log.info("Created sysadmin, secadmin and auditor; each enrols a TOTP at first sign-in");
	}
}
