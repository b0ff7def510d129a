package cn.gongjiang.subsidy.payments;

import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gongjiang.privacy.PersonalDataCipher;

/**
 * An organisation's bank account: kept sealed and shown masked, opened only to write the bank file. Accounts
 * stored in clear by an earlier version are sealed once at start.
 */
@Component
public class BankAccounts {

	private final JdbcClient jdbc;
	private final PersonalDataCipher cipher;
	private final TransactionTemplate transactions;

	BankAccounts(JdbcClient jdbc, PersonalDataCipher cipher, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
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

	@jakarta.annotation.PostConstruct
	public void sealPlainAccounts() {
		for (var table : new String[] { "subsidy.claim", "subsidy.decision" }) {
			var sealed = transactions.execute(tx -> {
				var plain = jdbc.sql("select id, bank_account from " + table + " where bank_account is not null")
						.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) }).list();
				for (var row : plain) {
					jdbc.sql("update " + table + " set bank_account_sealed = :sealed, bank_account_masked = :masked, "
							+ "bank_account = null where id = :id").param("sealed", seal((String) row[1]))
							.param("masked", mask((String) row[1])).param("id", row[0]).update();
				}
				return plain.size();
			});
			if (sealed != null && sealed > 0) {
				LoggerFactory.getLogger(BankAccounts.class).info("Sealed {} bank accounts kept in clear in {}", sealed, table);
			}
		}
	}
}
