package cn.gongjiang.subsidy.payments;

import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gongjiang.privacy.PersonalDataCipher;
import cn.gongjiang.subsidy.decisions.Decisions;

import jakarta.annotation.PostConstruct;

/**
 * An organisation's bank account: kept sealed and shown masked, opened only to write the bank file. Accounts
 * stored in clear by an earlier version are sealed once at start.
 */
@Component
public class BankAccounts {

	private final JdbcClient jdbc;
	private final PersonalDataCipher cipher;
	private final TransactionTemplate transactions;

	private final Decisions decisions;

	BankAccounts(JdbcClient jdbc, PersonalDataCipher cipher, PlatformTransactionManager transactionManager,
			Decisions decisions) {
		this.jdbc = jdbc;
		this.decisions = decisions;
		this.cipher = cipher;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	public byte[] seal(String account) {
		return cipher.seal(account.strip());
	}

	public String open(byte[] sealed) {
		return sealed == null ? null : cipher.open(sealed);
	}

	/** 6222 0212 3456 7890 → ************7890: the last four, as banks print them. */
	public static String mask(String account) {
		var digits = account.replaceAll("[^0-9]", "");
		return digits.length() <= 4 ? "****" : "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
	}

	@PostConstruct
	public void sealPlainAccounts() {
		// the claim's table is payments' to seal; a decision's account is changed by the decisions' one writer
		var claims = transactions.execute(tx -> {
			var plain = jdbc.sql("select id, bank_account from subsidy.claim where bank_account is not null")
					.query((rs, i) -> new Decisions.PlainAccount(rs.getLong(1), rs.getString(2))).list();
			for (var row : plain) {
				jdbc.sql("update subsidy.claim set bank_account_sealed = :sealed, bank_account_masked = :masked, "
						+ "bank_account = null where id = :id").param("sealed", seal(row.account()))
						.param("masked", mask(row.account())).param("id", row.id()).update();
			}
			return plain.size();
		});
		logSealed(claims, "subsidy.claim");
		var decided = transactions.execute(tx -> {
			var plain = decisions.plainAccounts();
			plain.forEach(row -> decisions.sealAccount(row.id(), seal(row.account()), mask(row.account())));
			return plain.size();
		});
		logSealed(decided, "subsidy.decision");
	}

	private static void logSealed(Integer sealed, String table) {
		if (sealed != null && sealed > 0) {
			LoggerFactory.getLogger(BankAccounts.class).info("Sealed {} bank accounts kept in clear in {}", sealed, table);
		}
	}
}
