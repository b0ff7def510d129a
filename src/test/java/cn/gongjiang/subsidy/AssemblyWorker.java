package cn.gongjiang.subsidy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gongjiang.subsidy.payments.PaymentAssembly;

/**
 * A separate process assembling a payment batch with the product's own {@link PaymentAssembly}, a small chunk at a
 * time, so the kill test can kill it (SIGKILL) half-way. Arguments: JDBC URL, user, batch id.
 */
public final class AssemblyWorker {

	public static void main(String[] args) throws Exception {
		var dataSource = new DriverManagerDataSource(args[0], args[1], args[3]);
		var assembly = new PaymentAssembly(JdbcClient.create(dataSource),
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
		var batch = Long.parseLong(args[2]);
		int taken;
		while ((taken = assembly.nextChunk(batch, 100)) > 0) {
			System.out.println("taken " + taken);
			Thread.sleep(10);
		}
		assembly.finish(batch);
		System.out.println("finished");
	}
}
