package cn.gongjiang.imports;

import cn.gongjiang.shared.BusinessException;

/** The whole file is refused (not a spreadsheet, empty, a required header missing): one clear error, no rows. */
public class ImportRefusedException extends BusinessException {

	public ImportRefusedException(String code, Object... arguments) {
		super(code, arguments);
	}
}
